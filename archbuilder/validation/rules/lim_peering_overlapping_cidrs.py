"""Two peered VPCs whose address ranges overlap."""

import ipaddress

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import peerings
from archbuilder.model import VpcNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for peering, own_id, peer_id in peerings(graph):
        own, peer = graph.architecture.node(own_id), graph.architecture.node(peer_id)
        assert isinstance(own, VpcNode) and isinstance(peer, VpcNode)
        if ipaddress.ip_network(own.cidr).overlaps(ipaddress.ip_network(peer.cidr)):
            findings.append(
                rule.finding(
                    [peering, own, peer],
                    f"{label(peering)} peers VPC “{own.label}” ({own.cidr}) with VPC “{peer.label}” ({peer.cidr}), "
                    "whose ranges overlap",
                )
            )
    return findings


RULE = Rule(
    id="LIM-014",
    title="Peered VPCs with overlapping CIDRs",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "VPC Peering"),
    description="VPC peering does not support overlapping CIDR blocks: the peering cannot be created, because "
    "routes could not tell the two networks apart.",
    remediation="Give one of the VPCs a range that does not overlap the other (plan address space per VPC).",
    check=check,
    applies_to=("vpc_peering",),
    tags=("limits", "network", "topology"),
    wa_best_practice="REL02-BP05",
    checked="2026-11-22",
)
