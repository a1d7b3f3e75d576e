"""Private subnets relying on a NAT gateway in another AZ."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import AvailabilityZoneNode, NodeKind, SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    nat_zones: dict[str, set[str]] = {}
    nats_by_vpc: dict[str, list] = {}
    for nat in services_of_type(graph, "nat_gateway"):
        placement = graph.placements[nat.id]
        if placement.vpc_id:
            nat_zones.setdefault(placement.vpc_id, set()).update(placement.zones)
            nats_by_vpc.setdefault(placement.vpc_id, []).append(nat)
    findings = []
    for vpc_id, zones in sorted(nat_zones.items()):
        uncovered = []
        for subnet in graph.subnets_by_vpc.get(vpc_id, []):
            if subnet.tier is SubnetTier.PRIVATE:
                zone = arch.enclosing(subnet.id, NodeKind.AZ)
                if (
                    isinstance(zone, AvailabilityZoneNode)
                    and zone.zone not in zones
                    and arch.has_children(subnet.id)
                ):
                    uncovered.append(f"{subnet.label} ({zone.zone})")
        if uncovered:
            nats = nats_by_vpc[vpc_id]
            findings.append(
                rule.finding(
                    nats,
                    f"Private subnets {', '.join(sorted(uncovered))} reach the internet through a NAT gateway in "
                    f"another AZ ({', '.join(sorted(zones))})",
                )
            )
    return findings


RULE = Rule(
    id="REL-007",
    title="NAT gateway shared across AZs",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "NAT Gateways"),
    description="A NAT gateway is redundant only inside its own AZ: private subnets of other AZs lose outbound "
    "access when that AZ fails, and their traffic is billed as cross-AZ transfer.",
    remediation="Add a NAT gateway in a public subnet of every AZ that has private subnets, and route each AZ to its own.",
    check=check,
    applies_to=("nat_gateway",),
    tags=("network", "multi-az", "egress"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
