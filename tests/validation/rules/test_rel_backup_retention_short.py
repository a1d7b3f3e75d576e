"""REL-042 (Backups kept less than a week): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_backup_retention_short import RULE
from tests.validation.builders import Build, Case, check_case, db, svc, with_


def _databases(days: int) -> Build:
    return with_(
        db("private-a", ["private-b"], backup_retention_days=days),
        svc("aurora_cluster", "private-a", "ledger", ["private-b"], backup_retention_days=days + 2),
        svc("rds_instance", "private-b", "scratch", ["private-a"], backup_retention_days=0),
    )


CASE = Case(
    ok=_databases(7),
    bad=_databases(1),
    expected=[
        (("db",), "“DB” keeps automated backups for 1 day; keep at least 7"),
        (("ledger",), "“Ledger” keeps automated backups for 3 days; keep at least 7"),
    ],
)


def test_rel_backup_retention_short() -> None:
    check_case(RULE, CASE)
