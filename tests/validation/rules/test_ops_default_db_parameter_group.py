"""OPS-006 (Database on the default parameter group): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_default_db_parameter_group import RULE
from tests.validation.builders import Case, check_case, db, with_

CASE = Case(
    ok=with_(db("private-a", ["private-b"], custom_parameter_group=True)),
    bad=with_(db("private-a", ["private-b"], custom_parameter_group=False)),
    expected=[(("db",), "“DB” uses the engine's default parameter group, which cannot be changed")],
)


def test_ops_default_db_parameter_group() -> None:
    check_case(RULE, CASE)
