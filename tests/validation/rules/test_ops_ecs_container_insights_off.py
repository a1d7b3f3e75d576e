"""OPS-027 (ECS cluster without Container Insights): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_ecs_container_insights_off import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("ecs_cluster", "region", "cluster", container_insights=True)),
    bad=with_(svc("ecs_cluster", "region", "cluster", container_insights=False)),
    expected=[(("cluster",), "“Cluster” collects no per-task metrics: Container Insights is off")],
)


def test_ops_ecs_container_insights_off() -> None:
    check_case(RULE, CASE)
