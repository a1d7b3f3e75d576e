"""REL-003 (Automated backups off): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_rds_no_backups import RULE
from tests.validation.builders import (
    Case,
    check_case,
    db,
    with_,
)

CASE = Case(
    ok=with_(db("private-a", ["private-b"], backup_retention_days=1)),
    bad=with_(db("private-a", ["private-b"], backup_retention_days=0)),
    expected=[(("db",), "“DB” has automated backups turned off (retention 0 days)")],
)


def test_rel_rds_no_backups() -> None:
    check_case(RULE, CASE)
