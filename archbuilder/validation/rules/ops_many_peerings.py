"""Many VPCs joined pairwise by peering connections where a transit gateway would connect each once."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import peerings
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

# Four VPCs are where a mesh starts to cost more connections (six) than a hub (four attachments).
MIN_VPCS = 4


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if graph.by_type.get("transit_gateway"):
        return []
    links = peerings(graph)
    joined = {vpc for _, own, peer in links for vpc in (own, peer)}
    if len(joined) < MIN_VPCS or len(links) < len(joined):
        return []
    nodes = sorted((peering for peering, _, _ in links), key=lambda node: node.id)
    return [
        rule.finding(
            nodes,
            f"{len(joined)} VPCs are joined by {len(links)} peering connections; a transit gateway would connect "
            "each VPC once",
        )
    ]


RULE = Rule(
    id="OPS-016",
    title="Peering mesh instead of a transit gateway",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("002", "Transit Gateway"),
    description="Peering is one connection per pair of VPCs and is not transitive, so every new VPC needs a peering "
    "(and routes) to each VPC it talks to. A transit gateway is a hub: each VPC or on-premises network connects "
    "once, which puts an end to complex peering relationships.",
    remediation="Attach the VPCs to a transit gateway and replace the peerings with its route tables.",
    check=check,
    applies_to=("vpc_peering", "transit_gateway"),
    tags=("network", "topology"),
    wa_best_practice="REL02-BP04",
    checked="2026-11-23",
)
