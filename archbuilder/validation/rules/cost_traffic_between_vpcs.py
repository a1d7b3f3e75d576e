"""Services that talk to each other across two VPCs."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite

DATA_KINDS = {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    seen: set[tuple[str, str]] = set()
    for connection in arch.connections.values():
        pair = (connection.source_id, connection.target_id)
        if connection.kind not in DATA_KINDS or pair in seen:
            continue
        seen.add(pair)
        source_vpc = graph.placements[connection.source_id].vpc_id
        target_vpc = graph.placements[connection.target_id].vpc_id
        if source_vpc is None or target_vpc is None or source_vpc == target_vpc:
            continue
        source, target = arch.service(connection.source_id), arch.service(connection.target_id)
        findings.append(
            rule.finding(
                [source, target],
                f"“{source.label}” (VPC “{arch.node(source_vpc).label}”) → “{target.label}” (VPC "
                f"“{arch.node(target_vpc).label}”): data transfer between VPCs is billed",
            )
        )
    return findings


RULE = Rule(
    id="COST-010",
    title="Traffic between VPCs",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    source=cite("000", "VPC and Network Security Gotchas and Limitations"),
    description="Peered VPCs pay for the data they exchange, which for some workloads and integrations is "
    "prohibitively expensive; estimate the volume before splitting chatty services across VPCs.",
    remediation="Keep services that exchange a lot of data in the same VPC, or estimate the transfer cost first.",
    check=check,
)
