"""The open document: the architecture, its undo stack and file state; every edit is one undo step."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from archbuilder.catalog import Catalog, ConnectionKind
from archbuilder.editor.commands import push_model_command
from archbuilder.model import (
    AnyNode,
    Architecture,
    AvailabilityZoneNode,
    Connection,
    InvariantError,
    NodeKind,
    RegionNode,
    RemovedNodes,
    ServiceNode,
    SubnetNode,
    Suppression,
    VpcNode,
    load,
    save,
)
from archbuilder.model.containment import containment_error
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH

Size = tuple[float, float]
_FIT_MARGIN = 16.0  # room kept between a new node and the edge of a container grown to hold it

_CONTAINER_TYPES: dict[NodeKind, type[RegionNode | VpcNode | AvailabilityZoneNode | SubnetNode]] = {
    NodeKind.REGION: RegionNode,
    NodeKind.VPC: VpcNode,
    NodeKind.AZ: AvailabilityZoneNode,
    NodeKind.SUBNET: SubnetNode,
}
_DEFAULT_SIZES = {
    NodeKind.REGION: (900.0, 640.0),
    NodeKind.VPC: (760.0, 520.0),
    NodeKind.AZ: (340.0, 420.0),
    NodeKind.SUBNET: (300.0, 170.0),
}


class Document(QObject):
    architecture_replaced = Signal()
    modified_changed = Signal(bool)
    path_changed = Signal(object)
    status_message = Signal(str)

    def __init__(self, architecture: Architecture | None = None, path: Path | None = None) -> None:
        super().__init__()
        self.architecture = architecture or Architecture()
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # ------------------------------------------------------------------ file state

    @property
    def catalog(self) -> Catalog:
        return self.architecture.catalog

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def replace(
        self, architecture: Architecture, path: Path | None = None, *, modified: bool = False
    ) -> None:
        """Swap in another architecture (new, open, recover); views rebuild from scratch."""
        self.architecture = architecture
        self.undo_stack.clear()
        self.path = path
        self.architecture_replaced.emit()
        self.path_changed.emit(path)
        if modified:
            # A recovered document differs from its file: no clean state until it is saved.
            self.undo_stack.resetClean()
        self.modified_changed.emit(modified)

    def open(self, path: Path) -> None:
        """Raises DocumentError (naming file and place) and leaves the current document untouched."""
        self.replace(load(path), Path(path))

    def save(self, path: Path | None = None) -> Path:
        target = Path(path or self.path or "")
        if not str(target):
            raise ValueError("the document has no file yet; choose one with Save As")
        save(self.architecture, target)
        self.undo_stack.setClean()
        if target != self.path:
            self.path = target
            self.path_changed.emit(target)
        self.modified_changed.emit(False)
        return target

    # ------------------------------------------------------------------ helpers

    def _edit(self, text: str, apply: Any, revert: Any) -> bool:
        try:
            push_model_command(self.undo_stack, text, apply, revert)
        except InvariantError as exc:
            self.status_message.emit(f"Refused: {exc}")
            return False
        return True

    def _short(self, node_id: str) -> str:
        node = self.architecture.nodes.get(node_id)
        return node.label if node is not None else node_id

    def _growth(self, parent_id: str | None, x: float, y: float, size: Size) -> dict[str, tuple[Size, Size]]:
        """Containers that must grow (old size, new size) so that a node of `size` at (x, y) in `parent_id`
        lies inside its parent, the parent inside its own parent, and so on up."""
        grown: dict[str, tuple[Size, Size]] = {}
        right, bottom = x + size[0] + _FIT_MARGIN, y + size[1] + _FIT_MARGIN
        current = self.architecture.nodes.get(parent_id or "")
        while current is not None and not isinstance(current, ServiceNode):
            old = (current.width, current.height)
            new = (max(old[0], right), max(old[1], bottom))
            if new == old:
                break
            grown[current.id] = (old, new)
            right, bottom = current.x + new[0] + _FIT_MARGIN, current.y + new[1] + _FIT_MARGIN
            current = self.architecture.nodes.get(current.parent_id or "")
        return grown

    def _add_grown(self, text: str, add: Any, node_id: str, grown: dict[str, tuple[Size, Size]]) -> bool:
        """Add a node and grow its containers to hold it, as one undo step."""

        def apply() -> None:
            add()
            for container_id, (_old, new) in grown.items():
                self.architecture.resize_container(container_id, *new)

        def revert() -> None:
            for container_id, (old, _new) in grown.items():
                if container_id in self.architecture.nodes:
                    self.architecture.resize_container(container_id, *old)
            if node_id in self.architecture.nodes:
                self.architecture.remove_node(node_id)

        return self._edit(text, apply, revert)

    def can_place(self, type_id: str, parent_id: str | None) -> str | None:
        parent = self.architecture.nodes.get(parent_id) if parent_id else None
        probe = ServiceNode(id="probe", label=self.catalog.get(type_id).short_name, type=type_id)
        return containment_error(self.catalog, probe, parent)

    # ------------------------------------------------------------------ edits

    def add_service(self, type_id: str, parent_id: str | None, x: float, y: float) -> str | None:
        service = self.catalog.get(type_id)
        node_id = self.architecture.new_id(service.short_name)
        ok = self._add_grown(
            f"Add {service.short_name}",
            lambda: self.architecture.add_service(type_id, parent_id, x=x, y=y, node_id=node_id),
            node_id,
            self._growth(parent_id, x, y, (SERVICE_WIDTH, SERVICE_HEIGHT)),
        )
        return node_id if ok else None

    def add_container(
        self, kind: NodeKind, parent_id: str | None, x: float, y: float, **fields: Any
    ) -> str | None:
        fields = {**self._container_defaults(kind, parent_id), **fields}
        if kind is NodeKind.SUBNET and fields.get("label") == "Subnet":
            fields["label"] = f"{str(fields.get('tier', 'private')).capitalize()} subnet"
        width, height = _DEFAULT_SIZES[kind]
        fields.setdefault("width", width)
        fields.setdefault("height", height)
        node_id = self.architecture.new_id(str(fields.get("label", kind.value)))
        try:
            node = _CONTAINER_TYPES[kind](id=node_id, parent_id=parent_id, x=x, y=y, **fields)
        except ValueError as exc:
            self.status_message.emit(f"Refused: {exc}")
            return None
        ok = self._add_grown(
            f"Add {node.label}",
            lambda: self.architecture.add_node(node.model_copy()),
            node_id,
            self._growth(parent_id, x, y, (node.width, node.height)),
        )
        return node_id if ok else None

    def _container_defaults(self, kind: NodeKind, parent_id: str | None) -> dict[str, Any]:
        arch = self.architecture
        if kind is NodeKind.REGION:
            return {"label": "Region", "region": arch.metadata.default_region}
        if kind is NodeKind.VPC:
            used = {n.cidr for n in arch.nodes.values() if isinstance(n, VpcNode)}
            cidr = next((f"10.{i}.0.0/16" for i in range(256) if f"10.{i}.0.0/16" not in used), "10.0.0.0/16")
            return {"label": "VPC", "cidr": cidr}
        if kind is NodeKind.AZ:
            region = arch.enclosing(parent_id, NodeKind.REGION) if parent_id else None
            name = region.region if isinstance(region, RegionNode) else arch.metadata.default_region
            taken = {c.zone for c in arch.children(parent_id) if isinstance(c, AvailabilityZoneNode)}
            letter = next((ch for ch in "abcdef" if f"{name}{ch}" not in taken), "a")
            return {"label": f"AZ {letter}", "zone": f"{name}{letter}"}
        vpc = arch.enclosing(parent_id, NodeKind.VPC) if parent_id else None
        if isinstance(vpc, VpcNode):
            network = ipaddress.IPv4Network(vpc.cidr)
            taken_nets = [
                ipaddress.IPv4Network(s.cidr) for s in arch.descendants(vpc.id) if isinstance(s, SubnetNode)
            ]
            prefix = max(network.prefixlen, 24)
            for candidate in network.subnets(new_prefix=prefix):
                if not any(candidate.overlaps(other) for other in taken_nets):
                    return {"label": "Subnet", "cidr": str(candidate)}
        return {"label": "Subnet"}

    def move_nodes(self, moves: dict[str, tuple[float, float]]) -> bool:
        before = {i: (self.architecture.node(i).x, self.architecture.node(i).y) for i in moves}

        def apply(positions: dict[str, tuple[float, float]]) -> None:
            for node_id, (x, y) in positions.items():
                self.architecture.move_node(node_id, x, y)

        text = f"Move {self._short(next(iter(moves)))}" if len(moves) == 1 else f"Move {len(moves)} items"
        return self._edit(text, lambda: apply(moves), lambda: apply(before))

    def reparent_node(self, node_id: str, parent_id: str | None, x: float, y: float) -> bool:
        node = self.architecture.node(node_id)
        extras = list(node.extra_subnet_ids) if isinstance(node, ServiceNode) else None
        old = (node.parent_id, node.x, node.y)
        target = self._short(parent_id) if parent_id else "the canvas"
        return self._edit(
            f"Move {node.label} into {target}",
            lambda: self.architecture.reparent_node(node_id, parent_id, x, y),
            lambda: self.architecture.reparent_node(node_id, *old, extra_subnet_ids=extras),
        )

    def resize_container(self, node_id: str, width: float, height: float) -> bool:
        node = self.architecture.node(node_id)
        old = (getattr(node, "width", 0.0), getattr(node, "height", 0.0))
        return self._edit(
            f"Resize {node.label}",
            lambda: self.architecture.resize_container(node_id, width, height),
            lambda: self.architecture.resize_container(node_id, *old),
        )

    def remove_nodes(self, node_ids: list[str]) -> bool:
        removed: list[RemovedNodes] = []

        def apply() -> None:
            removed.clear()
            for node_id in node_ids:
                if node_id in self.architecture.nodes:
                    removed.append(self.architecture.remove_node(node_id))

        def revert() -> None:
            for item in reversed(removed):
                self.architecture.restore(item)

        text = f"Delete {self._short(node_ids[0])}" if len(node_ids) == 1 else f"Delete {len(node_ids)} items"
        return self._edit(text, apply, revert)

    def remove_connections(self, ids: list[str]) -> bool:
        gone: list[Connection] = []

        def apply() -> None:
            gone.clear()
            gone.extend(self.architecture.disconnect(i) for i in ids)

        def revert() -> None:
            for connection in gone:
                self.architecture.add_connection(connection)

        return self._edit(
            "Delete connection" if len(ids) == 1 else f"Delete {len(ids)} connections", apply, revert
        )

    def connect(  # type: ignore[override]
        self, source_id: str, target_id: str, kind: ConnectionKind, port: int | None = None
    ) -> str | None:
        connection_id = self.architecture.new_id(f"{source_id}-to-{target_id}")
        ok = self._edit(
            f"Connect {self._short(source_id)} → {self._short(target_id)}",
            lambda: self.architecture.connect(
                source_id, target_id, kind, port=port, connection_id=connection_id
            ),
            lambda: self.architecture.disconnect(connection_id),
        )
        return connection_id if ok else None

    def set_label(self, node_id: str, label: str) -> bool:
        old = self.architecture.node(node_id).label
        return self._edit(
            f"Rename {old}",
            lambda: self.architecture.set_label(node_id, label),
            lambda: self.architecture.set_label(node_id, old),
        )

    def set_property(self, node_id: str, name: str, value: Any) -> bool:
        node = self.architecture.service(node_id)
        spec = self.catalog.get(node.type).property_spec(name)
        old = node.properties.get(name)
        return self._edit(
            f"Set {spec.label if spec else name}",
            lambda: self.architecture.set_property(node_id, name, value),
            lambda: self.architecture.set_property(node_id, name, old),
        )

    def set_container_field(self, node_id: str, name: str, value: Any) -> bool:
        old = getattr(self.architecture.node(node_id), name, None)
        return self._edit(
            f"Set {name}",
            lambda: self.architecture.set_container_field(node_id, name, value),
            lambda: self.architecture.set_container_field(node_id, name, old),
        )

    def set_extra_subnets(self, node_id: str, ids: list[str]) -> bool:
        service = self.architecture.service(node_id)
        old = list(service.extra_subnet_ids)
        return self._edit(
            f"Set subnets of {service.label}",
            lambda: self.architecture.set_extra_subnets(node_id, ids),
            lambda: self.architecture.set_extra_subnets(node_id, old),
        )

    def set_connection_field(self, connection_id: str, name: str, value: Any) -> bool:
        old = getattr(self.architecture.connection(connection_id), name)
        return self._edit(
            f"Set connection {name}",
            lambda: self.architecture.update_connection(connection_id, name, value),
            lambda: self.architecture.update_connection(connection_id, name, old),
        )

    def set_metadata(self, name: str, value: Any) -> bool:
        old = getattr(self.architecture.metadata, name, None)
        return self._edit(
            f"Set design {name.replace('_', ' ')}",
            lambda: self.architecture.set_metadata(name, value),
            lambda: self.architecture.set_metadata(name, old),
        )

    def suppress(self, suppression: Suppression) -> bool:
        return self._edit(
            f"Suppress {suppression.rule_id}",
            lambda: self.architecture.add_suppression(suppression),
            lambda: self.architecture.remove_suppression(suppression),
        )

    def duplicate(self, node_ids: list[str], dx: float, dy: float) -> list[str]:
        """Copies services and containers (with their contents) next to the originals; one undo step."""
        arch = self.architecture
        roots = [
            i for i in node_ids if i in arch.nodes and not {a.id for a in arch.ancestors(i)} & set(node_ids)
        ]
        taken: set[str] = set()
        mapping: dict[str, str] = {}
        copies: list[AnyNode] = []
        for root in roots:
            for node in [arch.node(root), *arch.descendants(root)]:
                new_id = arch.new_id(node.label)
                while new_id in taken:
                    new_id = f"{new_id}-c"
                taken.add(new_id)
                mapping[node.id] = new_id
        for root in roots:
            for node in [arch.node(root), *arch.descendants(root)]:
                update: dict[str, Any] = {"id": mapping[node.id]}
                if node.id == root:
                    update.update(x=node.x + dx, y=node.y + dy, label=f"{node.label} copy")
                else:
                    update["parent_id"] = mapping[node.parent_id or ""]
                if isinstance(node, ServiceNode):
                    update["extra_subnet_ids"] = [mapping.get(s, s) for s in node.extra_subnet_ids]
                    update["properties"] = dict(node.properties)
                copies.append(node.model_copy(update=update, deep=True))

        def apply() -> None:
            for copy in copies:
                arch.add_node(copy.model_copy(deep=True))

        def revert() -> None:
            for root in roots:
                if mapping[root] in arch.nodes:
                    arch.remove_node(mapping[root])

        ok = self._edit(f"Duplicate {len(roots)} item{'s' if len(roots) != 1 else ''}", apply, revert)
        return [mapping[r] for r in roots] if ok else []
