"""Resources replicated across four or more AZs."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_in_subnets, zones_spanned
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(node, f"“{node.label}” spans {len(zones_spanned(graph, node))} availability zones")
        for node in services_in_subnets(graph)
        # A placement lists one zone per subnet: fewer than four subnets cannot span four zones.
        if len(graph.placements[node.id].zones) >= 4 and len(zones_spanned(graph, node)) >= 4
    ]


RULE = Rule(
    id="COST-006",
    title="Replicated across four or more AZs",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="A second or third AZ improves availability a lot; a fourth or more rarely justifies its cost and complexity.",
    remediation="Use two or three AZs unless capacity or Spot availability needs more.",
    check=check,
    applies_to=("autoscaling_group", "alb", "rds_instance", "aurora_cluster", "ecs_service"),
    tags=("cost", "multi-az"),
    wa_best_practice="COST06-BP01",
    checked="2026-11-22",
)
