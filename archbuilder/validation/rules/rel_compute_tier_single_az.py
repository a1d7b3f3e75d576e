"""All compute of a VPC in one availability zone."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import tier_of
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for vpc_id, services in sorted(graph.services_by_vpc.items()):
        nodes: list[ServiceNode] = []
        zones: set[str] = set()
        for node in services:  # sorted by id
            placement = graph.placements[node.id]
            if placement.zones and tier_of(graph, node) == "app":
                zones.update(placement.zones)
                if len(zones) > 1:
                    break  # the tier spans two AZs: nothing to report, no need to look further
                nodes.append(node)
        if len(zones) == 1:
            vpc_node = graph.architecture.node(vpc_id)
            findings.append(
                rule.finding(
                    nodes, f"Every application server in VPC “{vpc_node.label}” is in {next(iter(zones))}"
                )
            )
    return findings


RULE = Rule(
    id="REL-006",
    title="Application tier in a single AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="Deploy key infrastructure across at least two or three AZs; a tier living in one AZ goes down with it.",
    remediation="Run the tier in two or more AZs behind a load balancer, for example as an Auto Scaling group.",
    check=check,
    applies_to=("ec2_instance", "ecs_service", "fargate_task", "lambda_function"),
    tags=("compute", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
