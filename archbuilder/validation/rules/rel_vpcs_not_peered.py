"""Services in two VPCs that exchange data although no peering connects those VPCs directly."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import peerings
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite

DATA_KINDS = {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}


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
    seen: set[tuple[str, str]] = set()
    for connection in graph.connections:
        pair = (connection.source_id, connection.target_id)
        if connection.kind not in DATA_KINDS or pair in seen:
            continue
        seen.add(pair)
        source_vpc = graph.placements[connection.source_id].vpc_id
        target_vpc = graph.placements[connection.target_id].vpc_id
        if source_vpc is None or target_vpc is None or source_vpc == target_vpc:
            continue
        if frozenset((source_vpc, target_vpc)) in direct:
            continue
        via = sorted(peered_with.get(source_vpc, set()) & peered_with.get(target_vpc, set()))
        why = (
            f"; peering through VPC “{arch.node(via[0]).label}” is not transitive"
            if via
            else "; no peering connects them"
        )
        source, target = arch.service(connection.source_id), arch.service(connection.target_id)
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
