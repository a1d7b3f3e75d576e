"""Services that talk to each other across two VPCs."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite

DATA_KINDS = {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    placements = graph.placements
    # One flow edge per (source, target) pair with the kinds of its connections (edges without connections are
    # the Internet's); the engine sorts the findings, so the visiting order does not matter.
    for source_id, targets in graph.flow.adjacency():
        source_vpc = placements[source_id].vpc_id if source_id in placements else None
        if source_vpc is None:
            continue
        for target_id, attributes in targets.items():
            if not attributes["connections"] or DATA_KINDS.isdisjoint(attributes["kinds"]):
                continue
            target_vpc = placements[target_id].vpc_id
            if target_vpc is None or source_vpc == target_vpc:
                continue
            source, target = arch.service(source_id), arch.service(target_id)
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
