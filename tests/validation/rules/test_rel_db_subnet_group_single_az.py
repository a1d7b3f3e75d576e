"""REL-001 (DB subnet group in a single AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_db_subnet_group_single_az import RULE
from tests.validation.builders import (
    Case,
    check_case,
    db,
    with_,
)

CASE = Case(
    ok=with_(db("private-a", ["private-b"])),
    bad=with_(db("private-a")),
    expected=[(("db",), "“DB” has subnets in 1 availability zone(s); its subnet group needs two")],
)


def test_rel_db_subnet_group_single_az() -> None:
    check_case(RULE, CASE)
