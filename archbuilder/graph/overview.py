"""A design at a glance, one row per VPC: its CIDR, AZs, subnets, services (and their copies in other AZs),
and the connections that leave it; then what sits outside every VPC. The VPC overview of big designs."""

from __future__ import annotations

from dataclasses import dataclass

from archbuilder.model import Architecture, AvailabilityZoneNode, NodeKind, ServiceNode, SubnetNode, VpcNode


@dataclass(frozen=True)
class VpcSummary:
    vpc_id: str  # "" for what sits outside every VPC
    label: str
    cidr: str
    zones: int
    subnets: int
    services: int
    copies: int  # services drawn again in another AZ they span
    connections_out: int  # connections with one end inside the VPC and the other outside


def vpc_overview(architecture: Architecture) -> list[VpcSummary]:
    vpc_of: dict[str, str] = {}
    for node in architecture.nodes.values():
        vpc = node if isinstance(node, VpcNode) else architecture.enclosing(node.id, NodeKind.VPC)
        vpc_of[node.id] = vpc.id if vpc is not None else ""
    rows = []
    vpcs = sorted(
        (n for n in architecture.nodes.values() if isinstance(n, VpcNode)), key=lambda n: (n.label, n.id)
    )
    for vpc in [*vpcs, None]:
        vpc_id = vpc.id if vpc is not None else ""
        inside = [n for n in architecture.nodes.values() if vpc_of[n.id] == vpc_id and n is not vpc]
        services = [n for n in inside if isinstance(n, ServiceNode)]
        if vpc is None and not services:
            continue
        crossing = sum(
            1
            for c in architecture.connections.values()
            if (vpc_of[c.source_id] == vpc_id) != (vpc_of[c.target_id] == vpc_id)
        )
        rows.append(
            VpcSummary(
                vpc_id=vpc_id,
                label=vpc.label if vpc is not None else "Outside any VPC",
                cidr=vpc.cidr if vpc is not None else "",
                zones=sum(1 for n in inside if isinstance(n, AvailabilityZoneNode)),
                subnets=sum(1 for n in inside if isinstance(n, SubnetNode)),
                services=len(services),
                copies=sum(len(s.extra_subnet_ids) for s in services),
                connections_out=crossing,
            )
        )
    return rows
