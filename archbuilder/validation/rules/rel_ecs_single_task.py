"""A production ECS service that runs a single task."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="REL-034",
    title="ECS service with a single task",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Use multiple AZs to assure high availability"),
    description="One task lives in one AZ on one host: its failure, a deployment or an AZ outage stops the service "
    "until a replacement starts; two or more tasks spread over AZs keep it available.",
    remediation="Run at least two tasks (desired count 2 or more) in subnets of two or more AZs.",
    check=each_service(
        ("ecs_service", "fargate_task"),
        lambda node, graph: is_production(graph) and node.properties.get("desired_count") == 1,
        lambda node, graph: f"{label(node)} runs a single task",
    ),
    applies_to=("ecs_service", "fargate_task"),
    tags=("containers", "availability"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
