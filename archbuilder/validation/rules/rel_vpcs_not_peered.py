"""Services in two VPCs that exchange data although no peering connects those VPCs directly."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_flows_between_vpcs, peerings
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if graph.by_type.get("transit_gateway"):
        return []  # a transit gateway routes between attached VPCs; its attachments are not drawn
    direct = {frozenset((own, peer)) for _, own, peer in peerings(graph)}
    peered_with: dict[str, set[str]] = {}
    for _, own, peer in peerings(graph):
        peered_with.setdefault(own, set()).add(peer)
        peered_with.setdefault(peer, set()).add(own)
    arch = graph.architecture
    findings = []
    # Traffic, read, write and read/write flows between services of two VPCs (one per pair of services).
    for source_id, target_id, source_vpc, target_vpc in data_flows_between_vpcs(graph):
        if frozenset((source_vpc, target_vpc)) in direct:
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
    source=cite("002", "VPC Peering"),
    description="Resources in different VPCs talk only over a peering between those two VPCs (or a transit "
    "gateway); peering is not transitive, so VPC B cannot reach VPC C through a central VPC A.",
    remediation="Peer the two VPCs directly (with routes on both sides), or connect them through a transit gateway.",
    check=check,
)
