"""Which node may sit in which container, and the CIDR rules between VPCs and subnets."""

from __future__ import annotations

import bisect
import ipaddress
from collections.abc import Callable, Iterable

from archbuilder.catalog import Catalog, ParentKind, ServiceType
from archbuilder.model.nodes import (
    AnyNode,
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)

# Containers nest in a fixed order: region > VPC > AZ > subnet.
CONTAINER_PARENT: dict[NodeKind, ParentKind] = {
    NodeKind.REGION: ParentKind.ROOT,
    NodeKind.VPC: ParentKind.REGION,
    NodeKind.AZ: ParentKind.VPC,
    NodeKind.SUBNET: ParentKind.AZ,
}

_PARENT_NAMES = {
    ParentKind.ROOT: "outside any region",
    ParentKind.REGION: "in a region",
    ParentKind.VPC: "in a VPC",
    ParentKind.AZ: "in an availability zone",
    ParentKind.PUBLIC_SUBNET: "in a public subnet",
    ParentKind.PRIVATE_SUBNET: "in a private subnet",
}


class InvariantError(ValueError):
    """A change would break the architecture's rules; the message says which and why."""


def parent_kind_of(parent: AnyNode | None) -> ParentKind:
    if parent is None:
        return ParentKind.ROOT
    if isinstance(parent, SubnetNode):
        return ParentKind.PUBLIC_SUBNET if parent.tier is SubnetTier.PUBLIC else ParentKind.PRIVATE_SUBNET
    if isinstance(parent, RegionNode):
        return ParentKind.REGION
    if isinstance(parent, VpcNode):
        return ParentKind.VPC
    if isinstance(parent, AvailabilityZoneNode):
        return ParentKind.AZ
    raise InvariantError(f"{parent.label!r} is a service; services cannot contain other nodes")


def describe_place(kind: ParentKind) -> str:
    return _PARENT_NAMES[kind]


def containment_error(catalog: Catalog, node: AnyNode, parent: AnyNode | None) -> str | None:
    """Why `node` may not sit in `parent`, or None when it may."""
    kind = parent_kind_of(parent) if parent is None or parent.kind != NodeKind.SERVICE else None
    if kind is None:
        return f"{node.label!r} cannot go inside the service {parent.label!r}"  # type: ignore[union-attr]
    if isinstance(node, ServiceNode):
        service = catalog.find(node.type)
        if service is None:
            return f"{node.label!r} has unknown service type {node.type!r}"
        if kind not in service.allowed_parents:
            allowed = " or ".join(describe_place(k) for k in service.allowed_parents)
            return f"{service.short_name} cannot be placed {describe_place(kind)}; it belongs {allowed}"
        return None
    wanted = CONTAINER_PARENT[NodeKind(node.kind)]
    if kind is not wanted:
        return f"a {node.kind} container must be placed {describe_place(wanted)}, not {describe_place(kind)}"
    return None


def zone_region_error(zone: AvailabilityZoneNode, region: RegionNode | None) -> str | None:
    if region is not None and zone.region != region.region:
        return f"availability zone {zone.zone} is not in region {region.region}"
    return None


def subnet_cidr_error(subnet: SubnetNode, vpc: VpcNode, siblings: Iterable[SubnetNode]) -> str | None:
    """The subnet's CIDR must lie inside the VPC's and overlap no other subnet of that VPC."""
    network = ipaddress.IPv4Network(subnet.cidr)
    if not network.subnet_of(ipaddress.IPv4Network(vpc.cidr)):
        return f"subnet {subnet.label!r} ({subnet.cidr}) is outside VPC {vpc.label!r} ({vpc.cidr})"
    for other in siblings:
        if other.id != subnet.id and network.overlaps(ipaddress.IPv4Network(other.cidr)):
            return subnet_overlap_error(subnet, other)
    return None


def extra_subnet_error(
    service: ServiceType,
    node: ServiceNode,
    parent: AnyNode | None,
    extras: list[AnyNode],
    vpc_of: dict[str, str],
) -> str | None:
    """Extra subnets must be distinct subnets of the parent subnet's VPC with a tier the service allows."""
    if not extras:
        return None
    if not service.spans_subnets:
        return f"{service.short_name} sits in one place and cannot span extra subnets"
    if not isinstance(parent, SubnetNode):
        return f"{node.label!r} must sit in a subnet before it can span more subnets"
    seen = {parent.id}
    for extra in extras:
        if not isinstance(extra, SubnetNode):
            return f"{extra.label!r} is not a subnet"
        if extra.id in seen:
            return f"{node.label!r} lists subnet {extra.label!r} twice"
        seen.add(extra.id)
        if vpc_of.get(extra.id) != vpc_of.get(parent.id):
            return f"subnet {extra.label!r} is in another VPC than {parent.label!r}"
        if parent_kind_of(extra) not in service.allowed_parents:
            return (
                f"{service.short_name} cannot span {describe_place(parent_kind_of(extra))} ({extra.label!r})"
            )
    return None


class SubnetRanges:
    """The address ranges of each VPC's subnets, sorted, so that adding a subnet finds an overlap by bisection
    instead of comparing with every sibling (loading or importing n subnets was n² comparisons).

    The subnets of a VPC never overlap (the model refuses it), so their ranges are disjoint and only the range
    starting at or before the new one and the range starting after it can meet it. A VPC's ranges are built on
    first use; any change that moves, removes or re-addresses a subnet calls `forget`."""

    def __init__(self) -> None:
        # vpc id -> (range starts, (start, end, subnet id) in the same order)
        self._by_vpc: dict[str, tuple[list[int], list[tuple[int, int, str]]]] = {}

    def forget(self) -> None:
        self._by_vpc.clear()

    def overlap(
        self, vpc_id: str, subnet: SubnetNode, subnets: Callable[[], Iterable[SubnetNode]]
    ) -> str | None:
        """The id of a subnet of the VPC that `subnet` would overlap, or None; `subnets` lists the VPC's subnets
        when its ranges are not built yet."""
        starts, ranges = self._ranges(vpc_id, subnets)
        start, end = _span(subnet.cidr)
        index = bisect.bisect_right(starts, start)
        if index > 0 and ranges[index - 1][1] >= start and ranges[index - 1][2] != subnet.id:
            return ranges[index - 1][2]
        if index < len(ranges) and ranges[index][0] <= end and ranges[index][2] != subnet.id:
            return ranges[index][2]
        return None

    def added(self, vpc_id: str, subnet: SubnetNode) -> None:
        if vpc_id in self._by_vpc:
            starts, ranges = self._by_vpc[vpc_id]
            start, end = _span(subnet.cidr)
            index = bisect.bisect_right(starts, start)
            starts.insert(index, start)
            ranges.insert(index, (start, end, subnet.id))

    def _ranges(
        self, vpc_id: str, subnets: Callable[[], Iterable[SubnetNode]]
    ) -> tuple[list[int], list[tuple[int, int, str]]]:
        if vpc_id not in self._by_vpc:
            ranges = sorted((*_span(s.cidr), s.id) for s in subnets())
            self._by_vpc[vpc_id] = ([r[0] for r in ranges], ranges)
        return self._by_vpc[vpc_id]


def _span(cidr: str) -> tuple[int, int]:
    network = ipaddress.IPv4Network(cidr)
    return int(network.network_address), int(network.broadcast_address)


def subnet_overlap_error(subnet: SubnetNode, other: SubnetNode) -> str:
    return f"subnet {subnet.label!r} ({subnet.cidr}) overlaps subnet {other.label!r} ({other.cidr})"
