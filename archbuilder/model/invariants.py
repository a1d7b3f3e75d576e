"""The rules every change of an Architecture is checked against before it is made: placement, regions and
zones, CIDRs, extra subnets, property values. A refusal raises InvariantError saying which rule and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from archbuilder.catalog import Catalog, PropertySpec, check_property_value
from archbuilder.model.containment import (
    InvariantError,
    SubnetRanges,
    containment_error,
    extra_subnet_error,
    subnet_cidr_error,
    subnet_overlap_error,
    zone_region_error,
)
from archbuilder.model.nodes import (
    AnyNode,
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    VpcNode,
)

if TYPE_CHECKING:
    from archbuilder.model.architecture import Architecture

Model = TypeVar("Model", bound=BaseModel)

_SCALARS = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = frozenset({list, dict})


class Invariants:
    """The checks of one architecture. They read its nodes and its containment (the architecture's own
    dictionaries: some checks run for every node of a design being loaded) and never change them."""

    def __init__(
        self,
        architecture: Architecture,
        nodes: Mapping[str, AnyNode],
        children: Mapping[str | None, list[str]],
    ) -> None:
        self._architecture = architecture
        self._nodes = nodes
        self._children = children
        # Property checks are pure functions of the catalog entry and the value; loading a design checks the
        # same few values (defaults, common settings) thousands of times, so specs and verdicts are memoised.
        self._checks_catalog: Catalog | None = None
        # type id -> property name -> (spec, verdicts: value or (type, value) -> error or None)
        self._property_checks: dict[str, dict[str, tuple[PropertySpec, dict[Any, str | None]]]] = {}
        self._subnet_ranges = SubnetRanges()  # an added subnet's overlaps in O(log n)

    @property
    def catalog(self) -> Catalog:
        return self._architecture.catalog

    def parent_of(self, parent_id: str | None) -> AnyNode | None:
        if parent_id is None:
            return None
        if parent_id not in self._nodes:
            raise InvariantError(f"parent {parent_id!r} does not exist")
        return self._nodes[parent_id]

    def check_placement(self, node: AnyNode, parent: AnyNode | None, moving: AnyNode | None = None) -> None:
        error = containment_error(self.catalog, node, parent)
        if error:
            raise InvariantError(error)
        if isinstance(node, AvailabilityZoneNode):
            error = zone_region_error(node, self._region_of(parent))
        elif isinstance(node, SubnetNode):
            error = self._subnet_error(node, parent, moving)
        if error:
            raise InvariantError(error)

    def _subnet_error(self, node: SubnetNode, parent: AnyNode | None, moving: AnyNode | None) -> str | None:
        vpc = self._vpc_of(parent)
        if vpc is None:
            return None
        if moving is not None:  # a move: one edit, checked against the siblings left behind
            return subnet_cidr_error(node, vpc, self._subnets_in(vpc.id, skip=moving))
        error = subnet_cidr_error(node, vpc, [])  # inside the VPC; overlaps are found through the ranges
        overlapped = (
            None if error else self._subnet_ranges.overlap(vpc.id, node, lambda: self._subnets_in(vpc.id))
        )
        if overlapped is None:
            return error
        other = self._nodes[overlapped]
        assert isinstance(other, SubnetNode)
        return subnet_overlap_error(node, other)

    def node_added(self, node: AnyNode, parent: AnyNode | None) -> None:
        """Keeps the subnet ranges up to date after a node passed check_placement and was added."""
        if isinstance(node, SubnetNode):
            vpc = self._vpc_of(parent)
            if vpc is not None:
                self._subnet_ranges.added(vpc.id, node)

    def subnets_changed(self) -> None:
        """Subnets were removed, moved or re-addressed: the ranges are rebuilt when next needed."""
        self._subnet_ranges.forget()

    def check_subtree_after_move(self, node: AnyNode, parent: AnyNode | None) -> None:
        """Moving a container carries its contents: AZs must match the new region, subnets the new VPC."""
        region = self._region_of(parent) if not isinstance(node, RegionNode) else node
        new_vpc = node if isinstance(node, VpcNode) else self._vpc_of(parent)
        inside = [node, *self._architecture.descendants(node.id)]
        for item in inside:
            if isinstance(item, AvailabilityZoneNode) and region is not None:
                error = zone_region_error(item, region if isinstance(region, RegionNode) else None)
                if error:
                    raise InvariantError(error)
        if isinstance(node, AvailabilityZoneNode | SubnetNode) and isinstance(new_vpc, VpcNode):
            moved_ids = {item.id for item in inside}
            others = [s for s in self._subnets_in(new_vpc.id) if s.id not in moved_ids]
            for item in inside:
                if isinstance(item, SubnetNode):
                    error = subnet_cidr_error(item, new_vpc, others)
                    if error:
                        raise InvariantError(error)
            old_vpc = self._architecture.enclosing(node.id, NodeKind.VPC)
            if old_vpc is not None and old_vpc.id != new_vpc.id:
                for service in self._architecture.services():
                    touched = moved_ids.intersection([service.parent_id, *service.extra_subnet_ids])
                    if touched and not moved_ids.issuperset([service.parent_id, *service.extra_subnet_ids]):
                        raise InvariantError(
                            f"{service.label!r} spans subnets in both VPCs; remove its extra subnets first"
                        )

    def check_container_change(self, candidate: AnyNode) -> None:
        if isinstance(candidate, RegionNode):
            for item in self._architecture.descendants(candidate.id):
                if isinstance(item, AvailabilityZoneNode):
                    error = zone_region_error(item, candidate)
                    if error:
                        raise InvariantError(f"{error}; change the zones first")
        elif isinstance(candidate, AvailabilityZoneNode):
            error = zone_region_error(candidate, self._region_of(self.parent_of(candidate.parent_id)))
            if error:
                raise InvariantError(error)
        elif isinstance(candidate, VpcNode):
            for subnet in self._subnets_in(candidate.id):
                error = subnet_cidr_error(subnet, candidate, [])
                if error:
                    raise InvariantError(error)
        elif isinstance(candidate, SubnetNode):
            vpc = self._vpc_of(self.parent_of(candidate.parent_id))
            if vpc is not None:
                error = subnet_cidr_error(candidate, vpc, self._subnets_in(vpc.id))
                if error:
                    raise InvariantError(error)
            for item in self._architecture.children(candidate.id):
                error = containment_error(self.catalog, item, candidate)
                if error:
                    raise InvariantError(f"{error} (it is inside {candidate.label!r})")
            for service in self._architecture.services():
                if candidate.id in service.extra_subnet_ids:
                    error = extra_subnet_error(
                        self.catalog.get(service.type),
                        service,
                        self._nodes.get(service.parent_id or ""),
                        [
                            candidate if s == candidate.id else self._nodes[s]
                            for s in service.extra_subnet_ids
                        ],
                        self._vpc_map([service.parent_id, *service.extra_subnet_ids]),
                    )
                    if error:
                        raise InvariantError(error)

    def check_properties(self, type_id: str, properties: Mapping[str, Any]) -> None:
        """Each value has its property's kind. A value outside the catalog's bounds is kept as written (an
        imported template's): validation reports it (LIM-041, LIM-042); set_property refuses new ones."""
        if self._checks_catalog is not self.catalog:
            self._checks_catalog = self.catalog
            self._property_checks.clear()
        checks = self._property_checks.get(type_id)
        if checks is None:
            checks = {spec.name: (spec, {}) for spec in self.catalog.get(type_id).properties}
            self._property_checks[type_id] = checks
        for name, value in properties.items():
            entry = checks.get(name)
            if entry is None:
                raise InvariantError(f"{type_id} has no property {name!r}")
            spec, verdicts = entry
            kind = type(value)
            if kind is str or kind in _SCALARS or (not value and kind in _CONTAINERS):
                # Other scalars are keyed with their type: True == 1 == 1.0 but they are checked differently;
                # an empty list or object is judged by its type alone (many defaults are empty lists).
                key = value if kind is str else (kind, value if kind in _SCALARS else ())
                if key in verdicts:
                    error = verdicts[key]
                else:
                    error = verdicts[key] = check_property_value(spec, value, bounds=False)
            else:
                error = check_property_value(spec, value, bounds=False)
            if error:
                raise InvariantError(f"{type_id} › {spec.label or name}: {error}")

    def check_extra_subnets(self, node: ServiceNode, parent: AnyNode | None, subnet_ids: list[str]) -> None:
        if not subnet_ids:
            return  # nothing to check (extra_subnet_error accepts an empty list); most services span none
        extras = []
        for subnet_id in subnet_ids:
            if subnet_id not in self._nodes:
                raise InvariantError(f"{node.label!r} spans subnet {subnet_id!r}, which does not exist")
            extras.append(self._nodes[subnet_id])
        vpcs = self._vpc_map([parent.id if parent else None, *subnet_ids])
        error = extra_subnet_error(self.catalog.get(node.type), node, parent, extras, vpcs)
        if error:
            raise InvariantError(error)

    def extra_ok(self, node: ServiceNode, parent: AnyNode | None, subnet_id: str) -> bool:
        extra = self._nodes.get(subnet_id)
        if extra is None or parent is None or extra.id == parent.id:
            return False
        vpcs = self._vpc_map([parent.id, subnet_id])
        return extra_subnet_error(self.catalog.get(node.type), node, parent, [extra], vpcs) is None

    def _vpc_map(self, subnet_ids: list[str | None]) -> dict[str, str]:
        """subnet id -> VPC id, for just the subnets a check involves (not every subnet: this runs per edit
        and per loaded service, so scanning the whole design here made loading quadratic)."""
        result: dict[str, str] = {}
        nodes = self._nodes
        for subnet_id in subnet_ids:
            if subnet_id is None:
                continue
            node = nodes.get(subnet_id)
            while node is not None:  # the node itself or its nearest enclosing VPC
                if isinstance(node, VpcNode):
                    result[subnet_id] = node.id
                    break
                node = nodes[node.parent_id] if node.parent_id is not None else None
        return result

    def _region_of(self, container: AnyNode | None) -> RegionNode | None:
        if container is None:
            return None
        region = self._architecture.enclosing(container.id, NodeKind.REGION)
        return region if isinstance(region, RegionNode) else None

    def _vpc_of(self, container: AnyNode | None) -> VpcNode | None:
        if container is None:
            return None
        vpc = self._architecture.enclosing(container.id, NodeKind.VPC)
        return vpc if isinstance(vpc, VpcNode) else None

    def _subnets_in(self, vpc_id: str, skip: AnyNode | None = None) -> list[SubnetNode]:
        """The subnets inside the VPC in depth-first order. Only containers are walked: subnets hold nothing
        but services, so their (often many) services are never visited."""
        found: list[SubnetNode] = []
        nodes, children = self._nodes, self._children

        def walk(container_id: str) -> None:
            for child_id in children.get(container_id, ()):
                child = nodes[child_id]
                if isinstance(child, SubnetNode):
                    if skip is None or child.id != skip.id:
                        found.append(child)
                elif not isinstance(child, ServiceNode):
                    walk(child_id)

        walk(vpc_id)
        return found


def validated(model: Model, **values: Any) -> Model:
    """A copy of a pydantic model with `values`, validated whole; validation errors become InvariantError."""
    label = getattr(model, "label", getattr(model, "id", "?"))
    try:
        return type(model).model_validate({**model.model_dump(), **values})
    except ValueError as exc:
        raise InvariantError(f"{label}: {first_error(exc)}") from None


def first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return str(first["msg"]).removeprefix("Value error, ")
    return str(exc)
