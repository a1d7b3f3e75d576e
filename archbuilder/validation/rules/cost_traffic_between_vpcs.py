"""Services that talk to each other across two VPCs."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_flows_between_vpcs
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    # Traffic, read, write and read/write flows between services of two VPCs (one per pair of services).
    for source_id, target_id, source_vpc, target_vpc in data_flows_between_vpcs(graph):
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
    effort=Effort.HIGH,
    source=cite("000", "VPC and Network Security Gotchas and Limitations"),
    description="Peered VPCs pay for the data they exchange, which for some workloads and integrations is "
    "prohibitively expensive; estimate the volume before splitting chatty services across VPCs.",
    remediation="Keep services that exchange a lot of data in the same VPC, or estimate the transfer cost first.",
    check=check,
    applies_to=("vpc_peering", "transit_gateway"),
    tags=("cost", "network", "topology"),
    wa_best_practice="COST08-BP02",
    checked="2026-11-22",
)
