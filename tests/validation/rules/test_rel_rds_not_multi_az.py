"""REL-002 (Production database without Multi-AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.rel_rds_not_multi_az import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    db,
    environment,
    with_,
)

CASE = Case(
    ok=with_(both(db("private-a", ["private-b"], multi_az=False), environment(Environment.DEVELOPMENT))),
    bad=with_(db("private-a", ["private-b"], multi_az=False)),
    expected=[(("db",), "“DB” is a production database without Multi-AZ")],
)


def test_rel_rds_not_multi_az() -> None:
    check_case(RULE, CASE)
