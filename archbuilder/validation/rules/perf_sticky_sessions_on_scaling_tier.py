"""Sticky sessions on a load balancer in front of a scaling tier."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type, types_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for balancer in services_of_type(graph, "alb"):
        if balancer.properties.get("sticky_sessions") is not True:
            continue
        for tier in neighbours_of_type(graph, balancer.id, types_with_role(graph, ServiceRole.SCALING)):
            if ConnectionKind.TRAFFIC in graph.flow.edges[balancer.id, tier.id]["kinds"]:
                findings.append(
                    rule.finding(
                        [balancer, tier],
                        f"{label(balancer)} binds each user to one member of {label(tier)}, so load spreads unevenly "
                        "as it scales",
                    )
                )
    return findings


RULE = Rule(
    id="PERF-008",
    title="Sticky sessions in front of a scaling tier",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("002", "ELB Advanced Features"),
    description="Sticky sessions bind a user to one instance for the whole visit; done improperly they defeat the "
    "purpose of load balancing, since new instances added by scaling get no existing users.",
    remediation="Keep session state outside the instances (ElastiCache, DynamoDB) and turn stickiness off, or keep "
    "the stickiness duration short.",
    check=check,
    applies_to=("alb", "autoscaling_group", "ecs_service", "fargate_task"),
    tags=("scaling", "network"),
    wa_best_practice="PERF04-BP04",
    checked="2026-11-22",
)
