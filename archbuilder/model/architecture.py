"""The Architecture aggregate: every change goes through a method that checks invariants and emits an event."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from psygnal import Signal, SignalGroup

from archbuilder.catalog import Catalog, ConnectionKind, PropertySpec, check_property_value, default_catalog
from archbuilder.model.connections import Connection, Protocol
from archbuilder.model.containment import (
    InvariantError,
    containment_error,
    extra_subnet_error,
    subnet_cidr_error,
    zone_region_error,
)
from archbuilder.model.document import Metadata, RuleSetting, Suppression, TemplateSections
from archbuilder.model.ids import is_valid_id, unique_id
from archbuilder.model.new_nodes import service_node
from archbuilder.model.nodes import (
    AnyNode,
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    ServiceNode,
    SubnetNode,
    VpcNode,
)
from archbuilder.model.usage import DesignUsage, ScenarioUsage


class ArchitectureEvents(SignalGroup):
    node_added = Signal(object)  # the node
    node_removed = Signal(object)  # the node (children are removed first, each with its own event)
    node_changed = Signal(object, str)  # the node, the field that changed (x/y moves say "position")
    node_reparented = Signal(object, object)  # the node, the previous parent id
    connection_added = Signal(object)
    connection_removed = Signal(object)
    connection_changed = Signal(object, str)
    document_changed = Signal(str)  # "metadata", "suppressions", "rule_settings", "template", "usage"


@dataclass
class RemovedNodes:
    """What `remove_node` took away, enough for `restore` to put it back exactly (undo)."""

    nodes: list[AnyNode]  # parents before children
    connections: list[Connection]
    # Services that lost extra subnets because those subnets were removed: id -> previous list.
    trimmed_extra_subnets: dict[str, list[str]] = field(default_factory=dict)


class Architecture:
    def __init__(self, catalog: Catalog | None = None, metadata: Metadata | None = None) -> None:
        self.catalog = catalog or default_catalog()
        self.metadata = metadata or Metadata()
        self.suppressions: list[Suppression] = []
        self.rule_settings: dict[str, RuleSetting] = {}
        self.template = TemplateSections()
        self.design_usage = DesignUsage()
        self.events = ArchitectureEvents()
        self._nodes: dict[str, AnyNode] = {}
        self._children: dict[str | None, list[str]] = {None: []}
        self._connections: dict[str, Connection] = {}
        # (source, target, kind) -> connection id: the duplicate check stays O(1) while a design loads.
        self._connection_keys: dict[tuple[str, str, ConnectionKind], str] = {}
        # Property checks are pure functions of the catalog entry and the value; loading a design checks the
        # same few values (defaults, common settings) thousands of times, so specs and verdicts are memoised.
        self._checks_catalog: Catalog | None = None
        # type id -> property name -> (spec, verdicts: value or (type, value) -> error or None)
        self._property_checks: dict[str, dict[str, tuple[PropertySpec, dict[Any, str | None]]]] = {}

    # ------------------------------------------------------------------ queries

    @property
    def nodes(self) -> Mapping[str, AnyNode]:
        return MappingProxyType(self._nodes)

    @property
    def connections(self) -> Mapping[str, Connection]:
        return MappingProxyType(self._connections)

    def node(self, node_id: str) -> AnyNode:
        try:
            return self._nodes[node_id]
        except KeyError:
            raise InvariantError(f"there is no node with id {node_id!r}") from None

    def service(self, node_id: str) -> ServiceNode:
        node = self.node(node_id)
        if not isinstance(node, ServiceNode):
            raise InvariantError(f"{node.label!r} ({node_id}) is a {node.kind} container, not a service")
        return node

    def connection(self, connection_id: str) -> Connection:
        try:
            return self._connections[connection_id]
        except KeyError:
            raise InvariantError(f"there is no connection with id {connection_id!r}") from None

    def children(self, parent_id: str | None) -> list[AnyNode]:
        return [self._nodes[child] for child in self._children.get(parent_id, [])]

    def has_children(self, node_id: str) -> bool:
        """Whether anything sits directly in the node (without listing it)."""
        return bool(self._children.get(node_id))

    def descendants(self, node_id: str) -> Iterator[AnyNode]:
        for child in self.children(node_id):
            yield child
            yield from self.descendants(child.id)

    def ancestors(self, node_id: str) -> list[AnyNode]:
        """The containers holding the node, innermost first."""
        chain = []
        parent_id = self.node(node_id).parent_id
        while parent_id is not None:
            parent = self._nodes[parent_id]
            chain.append(parent)
            parent_id = parent.parent_id
        return chain

    def enclosing(self, node_id: str, kind: NodeKind) -> AnyNode | None:
        """The node itself or the nearest container around it of `kind`."""
        node = self.node(node_id)
        if node.kind == kind:
            return node
        return next((a for a in self.ancestors(node_id) if a.kind == kind), None)

    def services(self) -> list[ServiceNode]:
        return [node for node in self._nodes.values() if isinstance(node, ServiceNode)]

    def connections_of(self, node_id: str) -> list[Connection]:
        return [c for c in self._connections.values() if node_id in (c.source_id, c.target_id)]

    def is_taken(self, identifier: str) -> bool:
        return identifier in self._nodes or identifier in self._connections

    def new_id(self, base: str) -> str:
        return unique_id(base, _Taken(self))

    def accepted_kinds(self, source_id: str, target_id: str) -> list[ConnectionKind]:
        """Connection kinds the target service accepts, in catalog order (for the GUI's choice)."""
        target = self.service(target_id)
        self.service(source_id)
        return list(self.catalog.get(target.type).accepts)

    # ------------------------------------------------------------------ nodes

    def add_node(self, node: AnyNode) -> AnyNode:
        """Add a fully built node (container or service) after checking every invariant."""
        self._insert_node(node)
        self.events.node_added.emit(node)
        return node

    def _insert_node(self, node: AnyNode, *, with_extra_subnets: bool = True) -> None:
        """add_node without the event. Loading a document passes with_extra_subnets=False, because extra subnets
        may name subnets that come later, and checks them with _check_loaded_extra_subnets once all exist."""
        if not is_valid_id(node.id):
            raise InvariantError(f"{node.id!r} is not a valid id (lower-case letters, digits, dashes)")
        if self.is_taken(node.id):
            raise InvariantError(f"id {node.id!r} is already used")
        parent = self._parent_of(node.parent_id)
        self._check_placement(node, parent)
        if isinstance(node, ServiceNode):
            self._check_properties(node.type, node.properties)
            if with_extra_subnets:
                self._check_extra_subnets(node, parent, node.extra_subnet_ids)
        self._nodes[node.id] = node
        self._children.setdefault(node.parent_id, []).append(node.id)
        if not isinstance(node, ServiceNode):
            self._children.setdefault(node.id, [])

    def _check_loaded_extra_subnets(self, node: ServiceNode) -> None:
        """The extra-subnet check _insert_node(with_extra_subnets=False) left out (same checks and messages as
        set_extra_subnets, without re-assigning the validated list)."""
        self._check_extra_subnets(node, self._parent_of(node.parent_id), node.extra_subnet_ids)

    def add_service(
        self,
        type_id: str,
        parent_id: str | None,
        *,
        label: str | None = None,
        x: float = 0.0,
        y: float = 0.0,
        properties: Mapping[str, Any] | None = None,
        extra_subnet_ids: list[str] | None = None,
        node_id: str | None = None,
    ) -> ServiceNode:
        label = label or self.catalog.get(type_id).short_name
        node = service_node(
            self.catalog,
            type_id,
            node_id or self.new_id(label),
            parent_id,
            label=label,
            x=x,
            y=y,
            properties=properties,
            extra_subnet_ids=extra_subnet_ids,
        )
        self.add_node(node)
        return node

    def remove_node(self, node_id: str) -> RemovedNodes:
        """Remove a node with everything inside it and every connection touching them."""
        root = self.node(node_id)
        subtree = [root, *self.descendants(node_id)]
        gone = {node.id for node in subtree}
        connections = [c for c in self._connections.values() if c.source_id in gone or c.target_id in gone]
        trimmed: dict[str, list[str]] = {}
        for service in self.services():
            if service.id not in gone and gone.intersection(service.extra_subnet_ids):
                trimmed[service.id] = list(service.extra_subnet_ids)
        for connection in connections:
            self._drop_connection(connection)
            self.events.connection_removed.emit(connection)
        for service_id, before in trimmed.items():
            service = self.service(service_id)
            service.extra_subnet_ids = [s for s in before if s not in gone]
            self.events.node_changed.emit(service, "extra_subnet_ids")
        for node in reversed(subtree):  # children first
            self._children[node.parent_id].remove(node.id)
            self._children.pop(node.id, None)
            del self._nodes[node.id]
            self.events.node_removed.emit(node)
        return RemovedNodes(nodes=subtree, connections=connections, trimmed_extra_subnets=trimmed)

    def restore(self, removed: RemovedNodes) -> None:
        """Put back what `remove_node` returned (undo of a delete)."""
        for node in removed.nodes:
            self.add_node(node)
        for service_id, before in removed.trimmed_extra_subnets.items():
            self.set_extra_subnets(service_id, before)
        for connection in removed.connections:
            self.add_connection(connection)

    def move_node(self, node_id: str, x: float, y: float) -> None:
        node = self.node(node_id)
        _assign(node, x=float(x), y=float(y))
        self.events.node_changed.emit(node, "position")

    def resize_container(self, node_id: str, width: float, height: float) -> None:
        node = self.node(node_id)
        if isinstance(node, ServiceNode):
            raise InvariantError(f"{node.label!r} is a service; only containers have a size")
        _assign(node, width=float(width), height=float(height))
        self.events.node_changed.emit(node, "size")

    def set_label(self, node_id: str, label: str) -> None:
        node = self.node(node_id)
        _assign(node, label=label)
        self.events.node_changed.emit(node, "label")

    def reparent_node(
        self,
        node_id: str,
        parent_id: str | None,
        x: float,
        y: float,
        *,
        extra_subnet_ids: list[str] | None = None,
    ) -> None:
        """Move a node into another container. Extra subnets no longer valid there are dropped,
        unless `extra_subnet_ids` says exactly which to keep (undo passes the old list)."""
        node = self.node(node_id)
        parent = self._parent_of(parent_id)
        if parent_id is not None and (
            parent_id == node_id or parent_id in {d.id for d in self.descendants(node_id)}
        ):
            raise InvariantError(f"{node.label!r} cannot be moved into itself")
        candidate = node.model_copy(update={"parent_id": parent_id, "x": float(x), "y": float(y)})
        self._check_placement(candidate, parent, moving=node)
        extras: list[str] = []
        if isinstance(candidate, ServiceNode):
            if extra_subnet_ids is None:
                extras = [s for s in candidate.extra_subnet_ids if self._extra_ok(candidate, parent, s)]
            else:
                extras = list(extra_subnet_ids)
            self._check_extra_subnets(candidate, parent, extras)
        if not isinstance(node, ServiceNode):
            self._check_subtree_after_move(node, parent)
        previous = node.parent_id
        self._children[previous].remove(node_id)
        self._children.setdefault(parent_id, []).append(node_id)
        node.parent_id = parent_id
        node.x, node.y = float(x), float(y)
        if isinstance(node, ServiceNode):
            node.extra_subnet_ids = extras
        self.events.node_reparented.emit(node, previous)

    def set_property(self, node_id: str, name: str, value: Any) -> None:
        """Set a catalog property of a service; `None` removes the value."""
        node = self.service(node_id)
        spec = self.catalog.get(node.type).property_spec(name)
        if spec is None:
            raise InvariantError(f"{node.type} has no property {name!r}")
        error = check_property_value(spec, value)
        if error:
            raise InvariantError(f"{node.label} › {spec.label or name}: {error}")
        properties = dict(node.properties)
        if value is None:
            properties.pop(name, None)
        else:
            properties[name] = value
        node.properties = properties
        self.events.node_changed.emit(node, f"properties.{name}")

    def set_usage(self, node_id: str, usage: ScenarioUsage | None) -> None:
        """Set a service's usage assumptions for cost estimates; None or empty returns it to the presets."""
        node = self.service(node_id)
        node.usage = None if usage is None or usage.is_empty() else usage
        self.events.node_changed.emit(node, "usage")

    def set_container_field(self, node_id: str, name: str, value: Any) -> None:
        """Change a container's own field (region, cidr, zone, tier), re-checking what depends on it."""
        node = self.node(node_id)
        if isinstance(node, ServiceNode) or name not in type(node).model_fields or name in _FIXED_FIELDS:
            raise InvariantError(f"{node.label!r} has no editable field {name!r}")
        try:
            candidate = type(node).model_validate({**node.model_dump(), name: value})
        except ValueError as exc:
            raise InvariantError(f"{node.label} › {name}: {_first_error(exc)}") from None
        self._check_container_change(candidate)
        setattr(node, name, getattr(candidate, name))
        self.events.node_changed.emit(node, name)

    def set_extra_subnets(self, node_id: str, subnet_ids: list[str]) -> None:
        node = self.service(node_id)
        parent = self._parent_of(node.parent_id)
        self._check_extra_subnets(node, parent, subnet_ids)
        node.extra_subnet_ids = list(subnet_ids)
        self.events.node_changed.emit(node, "extra_subnet_ids")

    # ------------------------------------------------------------------ connections

    def connect(
        self,
        source_id: str,
        target_id: str,
        kind: ConnectionKind | str = ConnectionKind.TRAFFIC,
        *,
        port: int | None = None,
        protocol: Protocol | None = None,
        label: str = "",
        connection_id: str | None = None,
    ) -> Connection:
        source, target = self.node(source_id), self.node(target_id)
        connection = Connection(
            id=connection_id or self.new_id(f"{source.id}-to-{target.id}"),
            source_id=source_id,
            target_id=target_id,
            kind=ConnectionKind(kind),
            port=port,
            protocol=protocol,
            label=label,
        )
        return self.add_connection(connection)

    def add_connection(self, connection: Connection) -> Connection:
        if self.is_taken(connection.id):
            raise InvariantError(f"id {connection.id!r} is already used")
        self._check_connection(connection)
        self._connections[connection.id] = connection
        self._connection_keys[_key(connection)] = connection.id
        self.events.connection_added.emit(connection)
        return connection

    def _check_connection(self, connection: Connection, replacing: str | None = None) -> None:
        """Both ends are services, not the same one, the target accepts the kind, and no other connection
        (than `replacing`) already joins them with that kind."""
        source, target = self.service(connection.source_id), self.service(connection.target_id)
        if source.id == target.id:
            raise InvariantError(f"{source.label!r} cannot be connected to itself")
        accepted = self.catalog.get(target.type).accepts
        if connection.kind not in accepted:
            names = ", ".join(kind.value for kind in accepted) or "nothing"
            raise InvariantError(
                f"{target.label!r} does not accept a {connection.kind.value} connection (it accepts {names})"
            )
        existing = self._connection_keys.get(_key(connection))
        if existing is not None and existing != replacing:
            raise InvariantError(
                f"{source.label!r} already has a {connection.kind.value} connection to {target.label!r}"
            )

    def _drop_connection(self, connection: Connection) -> None:
        del self._connections[connection.id]
        self._connection_keys.pop(_key(connection), None)

    def disconnect(self, connection_id: str) -> Connection:
        connection = self.connection(connection_id)
        self._drop_connection(connection)
        self.events.connection_removed.emit(connection)
        return connection

    def update_connection(self, connection_id: str, name: str, value: Any) -> None:
        connection = self.connection(connection_id)
        if name not in ("kind", "port", "protocol", "label"):
            raise InvariantError(f"connection field {name!r} cannot be edited")
        candidate_data = {**connection.model_dump(), name: value}
        try:
            candidate = Connection.model_validate(candidate_data)
        except ValueError as exc:
            raise InvariantError(f"connection {connection.id} › {name}: {_first_error(exc)}") from None
        if name == "kind":
            self._check_connection(candidate, replacing=connection_id)
            self._connection_keys.pop(_key(connection), None)
            self._connection_keys[_key(candidate)] = connection_id
        setattr(connection, name, getattr(candidate, name))
        self.events.connection_changed.emit(connection, name)

    # ------------------------------------------------------------------ document-level

    def set_metadata(self, name: str, value: Any) -> None:
        try:
            candidate = Metadata.model_validate({**self.metadata.model_dump(), name: value})
        except ValueError as exc:
            raise InvariantError(f"metadata › {name}: {_first_error(exc)}") from None
        if name not in Metadata.model_fields:
            raise InvariantError(f"metadata has no field {name!r}")
        setattr(self.metadata, name, getattr(candidate, name))
        self.events.document_changed.emit("metadata")

    def add_suppression(self, suppression: Suppression) -> None:
        if suppression in self.suppressions:
            raise InvariantError(f"rule {suppression.rule_id} is already suppressed for these nodes")
        self.suppressions.append(suppression)
        self.events.document_changed.emit("suppressions")

    def remove_suppression(self, suppression: Suppression) -> None:
        self.suppressions.remove(suppression)
        self.events.document_changed.emit("suppressions")

    def set_rule_setting(self, rule_id: str, setting: RuleSetting | None) -> None:
        if setting is None or setting == RuleSetting():
            self.rule_settings.pop(rule_id, None)
        else:
            self.rule_settings[rule_id] = setting
        self.events.document_changed.emit("rule_settings")

    def set_design_usage(self, usage: DesignUsage) -> None:
        """Set this design's own usage presets per service type."""
        self.design_usage = usage
        self.events.document_changed.emit("usage")

    def set_template_sections(self, template: TemplateSections) -> None:
        self.template = template
        self.events.document_changed.emit("template")

    # ------------------------------------------------------------------ invariant helpers

    def _parent_of(self, parent_id: str | None) -> AnyNode | None:
        if parent_id is None:
            return None
        if parent_id not in self._nodes:
            raise InvariantError(f"parent {parent_id!r} does not exist")
        return self._nodes[parent_id]

    def _check_placement(self, node: AnyNode, parent: AnyNode | None, moving: AnyNode | None = None) -> None:
        error = containment_error(self.catalog, node, parent)
        if error:
            raise InvariantError(error)
        if isinstance(node, AvailabilityZoneNode):
            error = zone_region_error(node, self._region_of(parent))
        elif isinstance(node, SubnetNode):
            vpc = self._vpc_of(parent)
            if vpc is not None:
                error = subnet_cidr_error(node, vpc, self._subnets_in(vpc.id, skip=moving))
        if error:
            raise InvariantError(error)

    def _check_subtree_after_move(self, node: AnyNode, parent: AnyNode | None) -> None:
        """Moving a container carries its contents: AZs must match the new region, subnets the new VPC."""
        region = self._region_of(parent) if not isinstance(node, RegionNode) else node
        new_vpc = node if isinstance(node, VpcNode) else self._vpc_of(parent)
        inside = [node, *self.descendants(node.id)]
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
            old_vpc = self.enclosing(node.id, NodeKind.VPC)
            if old_vpc is not None and old_vpc.id != new_vpc.id:
                for service in self.services():
                    touched = moved_ids.intersection([service.parent_id, *service.extra_subnet_ids])
                    if touched and not moved_ids.issuperset([service.parent_id, *service.extra_subnet_ids]):
                        raise InvariantError(
                            f"{service.label!r} spans subnets in both VPCs; remove its extra subnets first"
                        )

    def _check_container_change(self, candidate: AnyNode) -> None:
        if isinstance(candidate, RegionNode):
            for item in self.descendants(candidate.id):
                if isinstance(item, AvailabilityZoneNode):
                    error = zone_region_error(item, candidate)
                    if error:
                        raise InvariantError(f"{error}; change the zones first")
        elif isinstance(candidate, AvailabilityZoneNode):
            error = zone_region_error(candidate, self._region_of(self._parent_of(candidate.parent_id)))
            if error:
                raise InvariantError(error)
        elif isinstance(candidate, VpcNode):
            for subnet in self._subnets_in(candidate.id):
                error = subnet_cidr_error(subnet, candidate, [])
                if error:
                    raise InvariantError(error)
        elif isinstance(candidate, SubnetNode):
            vpc = self._vpc_of(self._parent_of(candidate.parent_id))
            if vpc is not None:
                error = subnet_cidr_error(candidate, vpc, self._subnets_in(vpc.id))
                if error:
                    raise InvariantError(error)
            for item in self.children(candidate.id):
                error = containment_error(self.catalog, item, candidate)
                if error:
                    raise InvariantError(f"{error} (it is inside {candidate.label!r})")
            for service in self.services():
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

    def _check_properties(self, type_id: str, properties: Mapping[str, Any]) -> None:
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
                    error = verdicts[key] = check_property_value(spec, value)
            else:
                error = check_property_value(spec, value)
            if error:
                raise InvariantError(f"{type_id} › {spec.label or name}: {error}")

    def _check_extra_subnets(self, node: ServiceNode, parent: AnyNode | None, subnet_ids: list[str]) -> None:
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

    def _extra_ok(self, node: ServiceNode, parent: AnyNode | None, subnet_id: str) -> bool:
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
        region = self.enclosing(container.id, NodeKind.REGION)
        return region if isinstance(region, RegionNode) else None

    def _vpc_of(self, container: AnyNode | None) -> VpcNode | None:
        if container is None:
            return None
        vpc = self.enclosing(container.id, NodeKind.VPC)
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


_SCALARS = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = frozenset({list, dict})
_FIXED_FIELDS = {"id", "kind", "parent_id", "x", "y", "width", "height", "label"}


class _Taken:
    def __init__(self, architecture: Architecture) -> None:
        self._architecture = architecture

    def __contains__(self, identifier: object) -> bool:
        return isinstance(identifier, str) and self._architecture.is_taken(identifier)


def _key(connection: Connection) -> tuple[str, str, ConnectionKind]:
    return (connection.source_id, connection.target_id, connection.kind)


def _assign(model: Any, **values: Any) -> None:
    """Set validated fields all-or-nothing, turning validation errors into InvariantError."""
    label = getattr(model, "label", getattr(model, "id", "?"))
    try:
        type(model).model_validate({**model.model_dump(), **values})
    except ValueError as exc:
        raise InvariantError(f"{label}: {_first_error(exc)}") from None
    for name, value in values.items():
        setattr(model, name, value)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return str(first["msg"]).removeprefix("Value error, ")
    return str(exc)
