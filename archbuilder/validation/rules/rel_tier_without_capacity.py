"""A production tier behind a load balancer that runs nothing."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type, types_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production, label
from archbuilder.validation.rules._links import count

DESIRED = {
    "autoscaling_group": "desired_capacity",
    "ecs_service": "desired_count",
    "fargate_task": "desired_count",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not is_production(graph):
        return []
    balancers = types_with_role(graph, ServiceRole.LOAD_BALANCER)
    findings = []
    for tier in services_of_type(graph, *DESIRED):
        if count(tier.properties.get(DESIRED[tier.type]), 1) != 0:
            continue
        fronts = [
            lb
            for lb in neighbours_of_type(graph, tier.id, balancers, direction="in")
            if ConnectionKind.TRAFFIC in graph.flow.edges[lb.id, tier.id]["kinds"]
        ]
        if fronts:
            findings.append(
                rule.finding(
                    [tier, *fronts],
                    f"{label(tier)} runs no instance or task, so {', '.join(label(lb) for lb in fronts)} has nothing "
                    "to send traffic to",
                )
            )
    return findings


RULE = Rule(
    id="REL-089",
    title="Production tier with no running capacity",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite(
        "003", "- Target Groups - defines instances, containers or IP addresses to which the load balancer"
    ),
    description="A load balancer answers 503 while its target group is empty; an Auto Scaling group or ECS service "
    "whose desired count is zero runs nothing, so a production entry point in front of it serves only errors "
    "until something scales it up.",
    remediation="Give the tier a desired (and minimum) count of at least one per AZ it spans.",
    check=check,
    applies_to=("autoscaling_group", "ecs_service", "fargate_task", "alb"),
    tags=("compute", "availability", "scaling"),
    wa_best_practice="REL07-BP01",
    checked="2026-12-06",
)
