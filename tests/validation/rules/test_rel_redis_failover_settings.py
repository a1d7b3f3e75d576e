"""REL-072 (Redis failover settings that cannot work): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_redis_failover_settings import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _caches(failover: bool, nodes: int) -> Build:
    return with_(
        svc(
            "elasticache_cluster",
            "private-a",
            "sessions",
            ["private-b"],
            multi_az=True,
            automatic_failover=failover,
        ),
        svc(
            "elasticache_cluster",
            "private-a",
            "hot",
            ["private-b"],
            multi_az=False,
            automatic_failover=True,
            num_nodes=nodes,
        ),
    )


CASE = Case(
    ok=_caches(failover=True, nodes=2),
    bad=_caches(failover=False, nodes=1),
    expected=[
        (("hot",), "“Hot” has automatic failover but one node: there is no replica to promote"),
        (("sessions",), "“Sessions” is marked Multi-AZ without automatic failover, which Multi-AZ requires"),
    ],
)


def test_rel_redis_failover_settings() -> None:
    check_case(RULE, CASE)
