"""REL-043 (Redis replicas without automatic failover): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.rel_redis_without_failover import RULE
from tests.validation.builders import Build, Case, check_case, environment, svc, with_


def _cache(failover: bool) -> Build:
    return with_(
        environment(Environment.PRODUCTION),
        svc(
            "elasticache_cluster",
            "private-a",
            "sessions",
            ["private-b"],
            engine="redis",
            num_nodes=2,
            automatic_failover=failover,
        ),
    )


CASE = Case(
    ok=_cache(True),
    bad=_cache(False),
    expected=[
        (
            ("sessions",),
            "“Sessions” has 2 Redis nodes but automatic failover is off, so losing the primary stops writes",
        )
    ],
)


def test_rel_redis_without_failover() -> None:
    check_case(RULE, CASE)
