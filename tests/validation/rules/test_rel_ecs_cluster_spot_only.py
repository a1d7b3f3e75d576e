"""REL-061 (Production cluster on Spot capacity only): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_ecs_cluster_spot_only import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ecs_cluster", "region", "cluster", capacity_providers=["FARGATE", "FARGATE_SPOT"])),
    bad=with_(svc("ecs_cluster", "region", "cluster", capacity_providers=["FARGATE_SPOT"])),
    expected=[
        (
            ("cluster",),
            "“Cluster” runs production tasks on Fargate Spot only, which AWS may reclaim at any time",
        )
    ],
)


def test_rel_ecs_cluster_spot_only() -> None:
    check_case(RULE, CASE)
