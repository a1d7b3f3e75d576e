"""New nodes as a designer makes them: a service with its catalog defaults, a container with a free CIDR, zone
or region and its default size, and how much the containers around a new node must grow to hold it."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from archbuilder.catalog import Catalog
from archbuilder.model.containment import InvariantError
from archbuilder.model.nodes import (
    AvailabilityZoneNode,
    ContainerNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    VpcNode,
)

if TYPE_CHECKING:
    from archbuilder.model.architecture import Architecture

Size = tuple[float, float]
Growth = dict[str, tuple[Size, Size]]  # container id -> (size before, size after)

FIT_MARGIN = 16.0  # room kept between a new node and the edge of a container grown to hold it

CONTAINER_SIZES: dict[NodeKind, Size] = {
    NodeKind.REGION: (900.0, 640.0),
    NodeKind.VPC: (760.0, 520.0),
    NodeKind.AZ: (340.0, 420.0),
    NodeKind.SUBNET: (300.0, 170.0),
}
_CONTAINER_TYPES: dict[NodeKind, type[ContainerNode]] = {
    NodeKind.REGION: RegionNode,
    NodeKind.VPC: VpcNode,
    NodeKind.AZ: AvailabilityZoneNode,
    NodeKind.SUBNET: SubnetNode,
}


def service_node(
    catalog: Catalog,
    type_id: str,
    node_id: str,
    parent_id: str | None,
    *,
    label: str | None = None,
    x: float = 0.0,
    y: float = 0.0,
    properties: Mapping[str, Any] | None = None,
    extra_subnet_ids: list[str] | None = None,
) -> ServiceNode:
    """A service of `type_id` holding the catalog's defaults, with the written `properties` over them."""
    service = catalog.get(type_id)
    values = service.defaults()
    values.update(properties or {})
    return ServiceNode(
        id=node_id,
        label=label or service.short_name,
        parent_id=parent_id,
        x=x,
        y=y,
        type=type_id,
        properties=values,
        extra_subnet_ids=list(extra_subnet_ids or []),
    )


def container_node(
    architecture: Architecture, kind: NodeKind, parent_id: str | None, x: float, y: float, **fields: Any
) -> ContainerNode:
    """A container of `kind` in `parent_id`: the fields given, else a free CIDR, zone or the design's region,
    the kind's default size, and a fresh id from its label. Raises InvariantError for a bad field."""
    fields = {**container_defaults(architecture, kind, parent_id), **fields}
    if kind is NodeKind.SUBNET and fields.get("label") == "Subnet":
        fields["label"] = f"{str(fields.get('tier', 'private')).capitalize()} subnet"
    width, height = CONTAINER_SIZES[kind]
    fields.setdefault("width", width)
    fields.setdefault("height", height)
    node_id = architecture.new_id(str(fields.get("label", kind.value)))
    try:
        return _CONTAINER_TYPES[kind](id=node_id, parent_id=parent_id, x=x, y=y, **fields)
    except ValueError as exc:
        raise InvariantError(str(exc)) from None


def container_defaults(architecture: Architecture, kind: NodeKind, parent_id: str | None) -> dict[str, Any]:
    """What a new container starts with: a region the design's default region, a VPC the first free 10.x/16,
    an AZ the first zone letter not taken in its VPC, a subnet the first free /24 (or smaller) of its VPC."""
    if kind is NodeKind.REGION:
        return {"label": "Region", "region": architecture.metadata.default_region}
    if kind is NodeKind.VPC:
        used = {n.cidr for n in architecture.nodes.values() if isinstance(n, VpcNode)}
        cidr = next((f"10.{i}.0.0/16" for i in range(256) if f"10.{i}.0.0/16" not in used), "10.0.0.0/16")
        return {"label": "VPC", "cidr": cidr}
    if kind is NodeKind.AZ:
        return _zone_defaults(architecture, parent_id)
    vpc = architecture.enclosing(parent_id, NodeKind.VPC) if parent_id else None
    if isinstance(vpc, VpcNode):
        free = _free_subnet(architecture, vpc)
        if free is not None:
            return {"label": "Subnet", "cidr": free}
    return {"label": "Subnet"}


def _zone_defaults(architecture: Architecture, parent_id: str | None) -> dict[str, Any]:
    region = architecture.enclosing(parent_id, NodeKind.REGION) if parent_id else None
    name = region.region if isinstance(region, RegionNode) else architecture.metadata.default_region
    taken = {c.zone for c in architecture.children(parent_id) if isinstance(c, AvailabilityZoneNode)}
    letter = next((ch for ch in "abcdef" if f"{name}{ch}" not in taken), "a")
    return {"label": f"AZ {letter}", "zone": f"{name}{letter}"}


def _free_subnet(architecture: Architecture, vpc: VpcNode) -> str | None:
    network = ipaddress.IPv4Network(vpc.cidr)
    taken = [
        ipaddress.IPv4Network(s.cidr) for s in architecture.descendants(vpc.id) if isinstance(s, SubnetNode)
    ]
    for candidate in network.subnets(new_prefix=max(network.prefixlen, 24)):
        if not any(candidate.overlaps(other) for other in taken):
            return str(candidate)
    return None


def growth(architecture: Architecture, parent_id: str | None, x: float, y: float, size: Size) -> Growth:
    """Containers that must grow (old size, new size) so that a node of `size` at (x, y) in `parent_id` lies
    inside its parent, the parent inside its own parent, and so on up."""
    grown: Growth = {}
    right, bottom = x + size[0] + FIT_MARGIN, y + size[1] + FIT_MARGIN
    current = architecture.nodes.get(parent_id or "")
    while current is not None and not isinstance(current, ServiceNode):
        old = (current.width, current.height)
        new = (max(old[0], right), max(old[1], bottom))
        if new == old:
            break
        grown[current.id] = (old, new)
        right, bottom = current.x + new[0] + FIT_MARGIN, current.y + new[1] + FIT_MARGIN
        current = architecture.nodes.get(current.parent_id or "")
    return grown
