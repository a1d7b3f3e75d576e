"""VPCs with overlapping CIDR blocks in a region whose transit gateway connects them."""

import ipaddress

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import RegionNode, VpcNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _network(vpc: VpcNode) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(vpc.cidr, strict=False)
    except ValueError:
        return None


def _region_of(graph: ArchGraph, vpc: VpcNode) -> str | None:
    regions = [node for node in graph.architecture.ancestors(vpc.id) if isinstance(node, RegionNode)]
    return regions[0].region if regions else None


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for gateway in services_of_type(graph, "transit_gateway"):
        region = graph.placements[gateway.id].region
        vpcs = [
            (vpc, net)
            for vpc in graph.vpcs
            if _region_of(graph, vpc) == region and (net := _network(vpc)) is not None
        ]
        for index, (vpc, net) in enumerate(vpcs):
            for other, other_net in vpcs[index + 1 :]:
                if net.version == other_net.version and net.overlaps(other_net):
                    findings.append(
                        rule.finding(
                            [gateway, vpc, other],
                            f"VPCs “{vpc.label}” ({vpc.cidr}) and “{other.label}” ({other.cidr}) overlap, so "
                            f"{label(gateway)} cannot route between them",
                        )
                    )
    return findings


RULE = Rule(
    id="LIM-071",
    title="Overlapping VPCs behind a transit gateway",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "Transit Gateway"),
    description="A transit gateway connects the VPCs attached to it like a hub, routing by destination address; two "
    "VPCs with overlapping CIDR blocks cannot both be routed to, so traffic between them, and to one of them, "
    "goes astray.",
    remediation="Give the VPCs non-overlapping CIDR blocks before connecting them (plan the address space across "
    "every network that will be connected).",
    check=check,
    applies_to=("transit_gateway", "vpc"),
    tags=("network", "topology", "limits"),
    wa_best_practice="REL02-BP05",
    checked="2026-12-06",
)
