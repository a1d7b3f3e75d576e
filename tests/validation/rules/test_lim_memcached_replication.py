"""LIM-035 (Failover or backups asked of Memcached): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_memcached_replication import RULE
from tests.validation.builders import Case, check_case, svc, with_

# A Redis group with the same settings, in both fixtures: only Memcached ignores them.
REDIS_CARTS = svc(
    "elasticache_cluster",
    "private-a",
    "carts",
    ["private-b"],
    engine="redis",
    automatic_failover=True,
    multi_az=True,
    backup_retention_days=1,
)

CASE = Case(
    ok=with_(
        svc(
            "elasticache_cluster",
            "private-a",
            "sessions",
            ["private-b"],
            engine="memcached",
            automatic_failover=False,
            multi_az=False,
            backup_retention_days=0,
        ),
        REDIS_CARTS,
    ),
    bad=with_(
        svc(
            "elasticache_cluster",
            "private-a",
            "sessions",
            ["private-b"],
            engine="memcached",
            automatic_failover=True,
            multi_az=True,
            backup_retention_days=1,
        ),
        REDIS_CARTS,
    ),
    expected=[
        (
            ("sessions",),
            "“Sessions” runs Memcached, which ignores its automatic failover, Multi-AZ, backups settings: the cache "
            "keeps no replica or copy of its data",
        )
    ],
)


def test_lim_memcached_replication() -> None:
    check_case(RULE, CASE)
