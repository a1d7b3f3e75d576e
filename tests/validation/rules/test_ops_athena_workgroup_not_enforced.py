"""OPS-024 (Athena workgroup settings not enforced): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_athena_workgroup_not_enforced import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("athena_workgroup", "region", "analysts", enforce_workgroup_configuration=True)),
    bad=with_(svc("athena_workgroup", "region", "analysts", enforce_workgroup_configuration=False)),
    expected=[
        (("analysts",), "“Analysts” lets each client override its result location, encryption and limits")
    ],
)


def test_ops_athena_workgroup_not_enforced() -> None:
    check_case(RULE, CASE)
