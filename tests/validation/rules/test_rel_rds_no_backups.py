"""REL-003 (Automated backups off): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_rds_no_backups import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    db,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            db("private-a", ["private-b"], backup_retention_days=1),
            # Memcached cannot keep backups: retention 0 is not a choice to report.
            svc("elasticache_cluster", "private-a", "sessions", engine="memcached", backup_retention_days=0),
        )
    ),
    bad=with_(
        both(
            db("private-a", ["private-b"], backup_retention_days=0),
            svc("elasticache_cluster", "private-a", "cache", engine="redis", backup_retention_days=0),
        )
    ),
    expected=[
        (("cache",), "“Cache” has automated backups turned off (retention 0 days)"),
        (("db",), "“DB” has automated backups turned off (retention 0 days)"),
    ],
)


def test_rel_rds_no_backups() -> None:
    check_case(RULE, CASE)
