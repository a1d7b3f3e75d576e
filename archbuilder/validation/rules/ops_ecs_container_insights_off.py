"""An ECS cluster without Container Insights."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-027",
    title="ECS cluster without Container Insights",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite(
        "003", "ECS is a managed container orchestration service that allows for running, scaling and"
    ),
    description="ECS runs, scales and monitors containers, but per-task and per-service CPU, memory, network and "
    "restart metrics reach CloudWatch only with Container Insights; without it, a failing or starved task shows "
    "only in the service's averages.",
    remediation="Turn Container Insights on for the cluster (containerInsights setting).",
    check=each_service(
        ("ecs_cluster",),
        lambda node, graph: node.properties.get("container_insights") is False,
        lambda node, graph: f"{label(node)} collects no per-task metrics: Container Insights is off",
    ),
    applies_to=("ecs_cluster",),
    tags=("containers", "monitoring"),
    wa_best_practice="OPS08-BP01",
    checked="2026-12-06",
)
