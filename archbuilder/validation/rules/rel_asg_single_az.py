"""Auto Scaling group, ECS service or node group in a single AZ."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-004",
    title="Scaling group in a single AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="Most AWS outages hit one AZ; an Auto Scaling group (or ECS service, node group) with subnets in one "
    "AZ cannot replace capacity elsewhere when that AZ fails.",
    remediation="Give the group subnets in at least two AZs and spread instances evenly.",
    check=each_service(
        ("autoscaling_group", "ecs_service", "fargate_task", "eks_node_group"),
        lambda node, graph: len(zones_spanned(graph, node)) == 1,
        lambda node, graph: f"{label(node)} runs in one availability zone only",
    ),
    applies_to=("autoscaling_group", "ecs_service", "fargate_task", "eks_node_group"),
    tags=("compute", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
