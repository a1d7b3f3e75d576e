"""The Architecture aggregate: every change goes through a method that checks invariants and emits an event.

Nodes and connections are immutable: a change swaps in a validated copy, so code holding a node never sees it
change under it, and nothing changes the design but these methods."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from archbuilder.catalog import Catalog, ConnectionKind, check_property_value, default_catalog
from archbuilder.model.annotations import Annotations
from archbuilder.model.connections import Connection, Protocol
from archbuilder.model.containment import InvariantError
from archbuilder.model.document import Metadata, RuleSetting, Suppression, TemplateSections
from archbuilder.model.events import ArchitectureEvents, RemovedNodes
from archbuilder.model.ids import is_valid_id, unique_id
from archbuilder.model.imported import ImportedSource
from archbuilder.model.invariants import Invariants, first_error, validated
from archbuilder.model.new_nodes import service_node
from archbuilder.model.nodes import AnyNode, NodeKind, ServiceNode
from archbuilder.model.text import data_text_error
from archbuilder.model.usage import DesignUsage, ScenarioUsage

NodeT = TypeVar("NodeT", bound=AnyNode)


class Architecture:
    def __init__(self, catalog: Catalog | None = None, metadata: Metadata | None = None) -> None:
        self.catalog = catalog or default_catalog()
        self.metadata = metadata or Metadata()
        self._suppressions: list[Suppression] = []
        self._rule_settings: dict[str, RuleSetting] = {}
        self.template = TemplateSections()
        self.design_usage = DesignUsage()
        # The template the design was imported from, written back with the design's edits (imported.py).
        self.imported: ImportedSource | None = None
        self.events = ArchitectureEvents()
        self.annotations = Annotations()  # notes, callouts and actors (annotations.py)
        self._nodes: dict[str, AnyNode] = {}
        self._children: dict[str | None, list[str]] = {None: []}
        self._connections: dict[str, Connection] = {}
        # (source, target, kind) -> connection id: the duplicate check stays O(1) while a design loads.
        self._connection_keys: dict[tuple[str, str, ConnectionKind], str] = {}
        self._invariants = Invariants(self, self._nodes, self._children)

    # ------------------------------------------------------------------ queries

    @property
    def nodes(self) -> Mapping[str, AnyNode]:
        return MappingProxyType(self._nodes)

    @property
    def connections(self) -> Mapping[str, Connection]:
        return MappingProxyType(self._connections)

    @property
    def suppressions(self) -> tuple[Suppression, ...]:
        return tuple(self._suppressions)

    @property
    def rule_settings(self) -> Mapping[str, RuleSetting]:
        return MappingProxyType(self._rule_settings)

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
        return (
            identifier in self._nodes
            or identifier in self._connections
            or identifier in self.annotations.items
        )

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
        parent = self._invariants.parent_of(node.parent_id)
        self._invariants.check_placement(node, parent)
        if isinstance(node, ServiceNode):
            self._invariants.check_properties(node.type, node.properties)
            if with_extra_subnets:
                self._invariants.check_extra_subnets(node, parent, node.extra_subnet_ids)
        self._nodes[node.id] = node
        self._children.setdefault(node.parent_id, []).append(node.id)
        if not isinstance(node, ServiceNode):
            self._children.setdefault(node.id, [])
        self._invariants.node_added(node, parent)

    def _check_loaded_extra_subnets(self, node: ServiceNode) -> None:
        """The extra-subnet check _insert_node(with_extra_subnets=False) left out (same checks and messages as
        set_extra_subnets, without re-assigning the validated list)."""
        self._invariants.check_extra_subnets(
            node, self._invariants.parent_of(node.parent_id), node.extra_subnet_ids
        )

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
            service = self._swap(
                self.service(service_id), extra_subnet_ids=[s for s in before if s not in gone]
            )
            self.events.node_changed.emit(service, "extra_subnet_ids")
        if any(node.kind == NodeKind.SUBNET for node in subtree):
            self._invariants.subnets_changed()
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
        node = self._swap(self.node(node_id), x=float(x), y=float(y))
        self.events.node_changed.emit(node, "position")

    def resize_container(self, node_id: str, width: float, height: float) -> None:
        node = self.node(node_id)
        if isinstance(node, ServiceNode):
            raise InvariantError(f"{node.label!r} is a service; only containers have a size")
        node = self._swap(node, width=float(width), height=float(height))
        self.events.node_changed.emit(node, "size")

    def set_label(self, node_id: str, label: str) -> None:
        node = self._swap(self.node(node_id), label=label)
        self.events.node_changed.emit(node, "label")

    def set_pinned(self, node_id: str, pinned: bool) -> None:
        node = self._swap(self.node(node_id), pinned=bool(pinned))
        self.events.node_changed.emit(node, "pinned")

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
        parent = self._invariants.parent_of(parent_id)
        if parent_id is not None and (
            parent_id == node_id or parent_id in {d.id for d in self.descendants(node_id)}
        ):
            raise InvariantError(f"{node.label!r} cannot be moved into itself")
        candidate = node.model_copy(update={"parent_id": parent_id, "x": float(x), "y": float(y)})
        self._invariants.check_placement(candidate, parent, moving=node)
        extras: list[str] = []
        if isinstance(candidate, ServiceNode):
            if extra_subnet_ids is None:
                extras = [
                    s for s in candidate.extra_subnet_ids if self._invariants.extra_ok(candidate, parent, s)
                ]
            else:
                extras = list(extra_subnet_ids)
            self._invariants.check_extra_subnets(candidate, parent, extras)
        if not isinstance(node, ServiceNode):
            self._invariants.check_subtree_after_move(node, parent)
        if not isinstance(node, ServiceNode):
            self._invariants.subnets_changed()
        previous = node.parent_id
        place: dict[str, Any] = {"parent_id": parent_id, "x": float(x), "y": float(y)}
        if isinstance(node, ServiceNode):
            place["extra_subnet_ids"] = extras
        moved = self._swap(node, **place)
        self._children[previous].remove(node_id)
        self._children.setdefault(parent_id, []).append(node_id)
        self.events.node_reparented.emit(moved, previous)

    def set_property(self, node_id: str, name: str, value: Any, *, as_written: bool = False) -> None:
        """Set a catalog property of a service; `None` removes the value. A value outside the catalog's bounds
        is refused unless it is put back `as_written` (undoing an edit of a value an import kept)."""
        node = self.service(node_id)
        spec = self.catalog.get(node.type).property_spec(name)
        if spec is None:
            raise InvariantError(f"{node.type} has no property {name!r}")
        error = check_property_value(spec, value, bounds=not as_written) or data_text_error(value)
        if error:
            raise InvariantError(f"{node.label} › {spec.label or name}: {error}")
        properties = dict(node.properties)
        if value is None:
            properties.pop(name, None)
        else:
            properties[name] = value
        node = self._swap(node, properties=properties)
        self.events.node_changed.emit(node, f"properties.{name}")

    def set_usage(self, node_id: str, usage: ScenarioUsage | None) -> None:
        """Set a service's usage assumptions for cost estimates; None or empty returns it to the presets."""
        node = self._swap(self.service(node_id), usage=None if usage is None or usage.is_empty() else usage)
        self.events.node_changed.emit(node, "usage")

    def set_container_field(self, node_id: str, name: str, value: Any) -> None:
        """Change a container's own field (region, cidr, zone, tier), re-checking what depends on it."""
        node = self.node(node_id)
        if isinstance(node, ServiceNode) or name not in type(node).model_fields or name in _FIXED_FIELDS:
            raise InvariantError(f"{node.label!r} has no editable field {name!r}")
        try:
            candidate = type(node).model_validate({**node.model_dump(), name: value})
        except ValueError as exc:
            raise InvariantError(f"{node.label} › {name}: {first_error(exc)}") from None
        self._invariants.check_container_change(candidate)
        self._invariants.subnets_changed()
        self._nodes[node_id] = candidate
        self.events.node_changed.emit(candidate, name)

    def set_extra_subnets(self, node_id: str, subnet_ids: list[str]) -> None:
        node = self.service(node_id)
        parent = self._invariants.parent_of(node.parent_id)
        self._invariants.check_extra_subnets(node, parent, subnet_ids)
        node = self._swap(node, extra_subnet_ids=list(subnet_ids))
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
        if name not in ("kind", "port", "protocol", "label", "bends"):
            raise InvariantError(f"connection field {name!r} cannot be edited")
        candidate_data = {**connection.model_dump(), name: value}
        try:
            candidate = Connection.model_validate(candidate_data)
        except ValueError as exc:
            raise InvariantError(f"connection {connection.id} › {name}: {first_error(exc)}") from None
        if name == "kind":
            self._check_connection(candidate, replacing=connection_id)
            self._connection_keys.pop(_key(connection), None)
            self._connection_keys[_key(candidate)] = connection_id
        self._connections[connection_id] = candidate
        self.events.connection_changed.emit(candidate, name)

    # ------------------------------------------------------------------ document-level

    def set_metadata(self, name: str, value: Any) -> None:
        try:
            candidate = Metadata.model_validate({**self.metadata.model_dump(), name: value})
        except ValueError as exc:
            raise InvariantError(f"metadata › {name}: {first_error(exc)}") from None
        if name not in Metadata.model_fields:
            raise InvariantError(f"metadata has no field {name!r}")
        setattr(self.metadata, name, getattr(candidate, name))
        self.events.document_changed.emit("metadata")

    def add_suppression(self, suppression: Suppression) -> None:
        if suppression in self._suppressions:
            raise InvariantError(f"rule {suppression.rule_id} is already suppressed for these nodes")
        self._suppressions.append(suppression)
        self.events.document_changed.emit("suppressions")

    def remove_suppression(self, suppression: Suppression) -> None:
        self._suppressions.remove(suppression)
        self.events.document_changed.emit("suppressions")

    def set_rule_setting(self, rule_id: str, setting: RuleSetting | None) -> None:
        if setting is None or setting == RuleSetting():
            self._rule_settings.pop(rule_id, None)
        else:
            self._rule_settings[rule_id] = setting
        self.events.document_changed.emit("rule_settings")

    def set_design_usage(self, usage: DesignUsage) -> None:
        """Set this design's own usage presets per service type."""
        self.design_usage = usage
        self.events.document_changed.emit("usage")

    def set_template_sections(self, template: TemplateSections) -> None:
        self.template = template
        self.events.document_changed.emit("template")

    def set_imported_source(self, source: ImportedSource | None) -> None:
        self.imported = source
        self.events.document_changed.emit("imported")

    def _load_sections(
        self, suppressions: list[Suppression], rule_settings: Mapping[str, RuleSetting]
    ) -> None:
        """A loaded document's suppressions and rule settings, as written (no events: nothing listens yet)."""
        self._suppressions = list(suppressions)
        self._rule_settings = dict(rule_settings)

    def _swap(self, node: NodeT, **values: Any) -> NodeT:
        """Replace a node by a validated copy with `values` (same id and place among its siblings)."""
        changed = validated(node, **values)
        self._nodes[node.id] = changed
        return changed


_FIXED_FIELDS = {"id", "kind", "parent_id", "x", "y", "width", "height", "label"}


class _Taken:
    def __init__(self, architecture: Architecture) -> None:
        self._architecture = architecture

    def __contains__(self, identifier: object) -> bool:
        return isinstance(identifier, str) and self._architecture.is_taken(identifier)


def _key(connection: Connection) -> tuple[str, str, ConnectionKind]:
    return (connection.source_id, connection.target_id, connection.kind)
