"""Services in two VPCs that exchange data although no peering connects those VPCs directly."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_flows_between_vpcs, directly_exposed, peerings, vpcs_with
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def _vpn_linked(graph: ArchGraph) -> set[str]:
    """VPCs with a virtual private gateway when the design has a VPN connection: they reach each other through
    the network at the far end of their VPNs."""
    if not graph.by_type.get("vpn_connection"):
        return set()
    return vpcs_with(graph, "vpn_gateway")


def _other_path(graph: ArchGraph, source_id: str, target_id: str) -> bool:
    """Whether the flow needs no peering: the target answers on the internet, or the source is a PrivateLink
    interface endpoint carrying the traffic to the endpoint service behind it."""
    if directly_exposed(graph, target_id):
        return True  # over the internet (REL-059 asks whether the source has a way out)
    return graph.architecture.service(source_id).type == "vpc_endpoint_interface"


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if graph.by_type.get("transit_gateway"):
        return []  # a transit gateway routes between attached VPCs; its attachments are not drawn
    vpn_linked = _vpn_linked(graph)
    direct = {frozenset((own, peer)) for _, own, peer in peerings(graph)}
    peered_with: dict[str, set[str]] = {}
    for _, own, peer in peerings(graph):
        peered_with.setdefault(own, set()).add(peer)
        peered_with.setdefault(peer, set()).add(own)
    arch = graph.architecture
    findings = []
    # Traffic, read, write and read/write flows between services of two VPCs (one per pair of services).
    for source_id, target_id, source_vpc, target_vpc in data_flows_between_vpcs(graph):
        if frozenset((source_vpc, target_vpc)) in direct or _other_path(graph, source_id, target_id):
            continue
        if source_vpc in vpn_linked and target_vpc in vpn_linked:
            continue
        via = sorted(peered_with.get(source_vpc, set()) & peered_with.get(target_vpc, set()))
        why = (
            f"; peering through VPC “{arch.node(via[0]).label}” is not transitive"
            if via
            else "; no peering connects them"
        )
        source, target = arch.service(source_id), arch.service(target_id)
        findings.append(
            rule.finding(
                [source, target],
                f"“{source.label}” (VPC “{arch.node(source_vpc).label}”) → “{target.label}” "
                f"(VPC “{arch.node(target_vpc).label}”){why}",
            )
        )
    return findings


RULE = Rule(
    id="REL-031",
    title="Traffic between VPCs without a direct peering",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "VPC Peering"),
    description="Private addresses in different VPCs reach each other only over a peering between those two VPCs, "
    "a transit gateway, PrivateLink or VPN connections to a common network; peering is not transitive, so VPC B "
    "cannot reach VPC C through a central VPC A. A service that answers on the internet is reached over the "
    "internet instead.",
    remediation="Peer the two VPCs directly (with routes on both sides), connect them through a transit gateway, or "
    "expose the service through PrivateLink (an endpoint service behind a Network Load Balancer).",
    check=check,
    checked="2026-12-06",
    note="The guide speaks of peering only; traffic to an internet-facing service, through a PrivateLink endpoint "
    "or over VPN connections of both VPCs needs no peering and is not reported.",
    applies_to=("vpc_peering", "transit_gateway", "vpc_endpoint_interface", "vpn_gateway"),
    tags=("network", "topology"),
    wa_best_practice="REL02-BP04",
)
