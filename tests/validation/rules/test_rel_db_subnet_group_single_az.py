"""REL-001 (DB subnet group in a single AZ): the ok and the bad fixture, with the exact findings.

ElastiCache, Redshift and DAX subnet groups may cover one AZ: they are in both fixtures and raise nothing.
"""

from __future__ import annotations

from archbuilder.validation.rules.rel_db_subnet_group_single_az import RULE
from tests.validation.builders import Build, Case, check_case, db, svc, with_


def _database(extra: list[str]) -> Build:
    return with_(
        db("private-a", extra),
        svc("elasticache_cluster", "private-a", "cache"),
        svc("redshift_cluster", "private-a", "warehouse"),
        svc("dax_cluster", "private-a", "accelerator"),
        svc("documentdb_cluster", "private-a", "documents", ["private-b"]),
    )


CASE = Case(
    ok=_database(["private-b"]),
    bad=_database([]),
    expected=[(("db",), "“DB” has subnets in 1 availability zone(s); its subnet group needs two")],
)


def test_rel_db_subnet_group_single_az() -> None:
    check_case(RULE, CASE)
