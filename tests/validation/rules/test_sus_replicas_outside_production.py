"""SUS-016 (Replicas outside production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation.rules.sus_replicas_outside_production import RULE
from tests.validation.builders import Build, Case, check_case, environment, svc, with_


def _staging(instances: int, nodes: int) -> Build:
    return with_(
        environment(Environment.STAGING),
        svc("aurora_cluster", "private-a", "orders", ["private-b"], instance_count=instances, multi_az=False),
        svc(
            "elasticache_cluster",
            "private-a",
            "sessions",
            ["private-b"],
            num_nodes=nodes,
            multi_az=False,
            automatic_failover=False,
        ),
    )


CASE = Case(
    ok=_staging(1, 1),
    bad=_staging(2, 2),
    expected=[
        (("orders",), "“Orders” keeps replicas running in a non-production design"),
        (("sessions",), "“Sessions” keeps replicas running in a non-production design"),
    ],
)


def test_sus_replicas_outside_production() -> None:
    check_case(RULE, CASE)
