"""All compute of a VPC in one availability zone."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import tier_of, zones_of_group
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    by_vpc: dict[str, list[ServiceNode]] = {}
    for node in graph.services:
        placement = graph.placements[node.id]
        if placement.vpc_id is not None and placement.zones and tier_of(graph, node) == "app":
            by_vpc.setdefault(placement.vpc_id, []).append(node)
    findings = []
    for vpc_id, nodes in sorted(by_vpc.items()):
        zones = zones_of_group(graph, nodes)
        if len(zones) == 1:
            nodes.sort(key=lambda n: n.id)
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
    source=cite("000", "High Availability Tips"),
    description="Deploy key infrastructure across at least two or three AZs; a tier living in one AZ goes down with it.",
    remediation="Run the tier in two or more AZs behind a load balancer, for example as an Auto Scaling group.",
    check=check,
)
