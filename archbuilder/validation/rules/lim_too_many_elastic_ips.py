"""More Elastic IPs in a region than the default quota of five."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import is_private_nat, services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._links import has_link

ATTACH = {ConnectionKind.ATTACH}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # Every public NAT gateway takes an Elastic IP: one drawn and attached to it is counted as that address, an
    # undrawn one is counted as the gateway; a private NAT gateway has none.
    holders = [
        node
        for node in services_of_type(graph, "elastic_ip", "nat_gateway")
        if node.type == "elastic_ip"
        or not (is_private_nat(node) or has_link(graph, node, ATTACH, direction="in"))
    ]
    by_region: dict[str, list[ServiceNode]] = {}
    for node in holders:
        by_region.setdefault(graph.placements[node.id].region or "?", []).append(node)
    return [
        rule.finding(
            nodes, f"{len(nodes)} Elastic IPs (NAT gateways included) in {region}; the default quota is 5"
        )
        for region, nodes in sorted(by_region.items())
        if len(nodes) > 5
    ]


RULE = Rule(
    id="LIM-006",
    title="More than 5 Elastic IPs in a region",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "Elastic IP Tips"),
    description="Elastic IPs are limited to 5 per account and region by default; more need a quota increase before deployment.",
    remediation="Request an Elastic IP quota increase, or put instances behind a load balancer instead of giving each an address.",
    check=check,
    checked="2026-12-06",
    applies_to=("elastic_ip", "nat_gateway"),
    tags=("limits", "quota", "network"),
    wa_best_practice="REL01-BP01",
)
