"""The open document: the architecture, its undo stack and file state. Every edit is one transaction: one
named undo command, one `changed` signal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from archbuilder.catalog import Catalog, ConnectionKind
from archbuilder.editor.annotation_commands import (
    AddAnnotationCommand,
    MoveAnnotationsCommand,
    RemoveAnnotationsCommand,
    SetAnnotationTextCommand,
)
from archbuilder.editor.commands import (
    AddNodesCommand,
    ArrangeCommand,
    ConnectCommand,
    DocumentCommand,
    MoveItemsCommand,
    Position,
    RemoveItemsCommand,
    Reparent,
    ResizeContainerCommand,
    SetBendsCommand,
    SetContainerFieldCommand,
    SetDesignUsageCommand,
    SetExtraSubnetsCommand,
    SetLabelCommand,
    SetMetadataCommand,
    SetPinnedCommand,
    SetPropertyCommand,
    SetUsageCommand,
    SuppressCommand,
    SwapServiceCommand,
)
from archbuilder.editor.group_commands import SetPropertiesCommand
from archbuilder.model import Architecture, InvariantError, NodeKind, ServiceNode, Suppression, load, save
from archbuilder.model.annotations import KIND_TITLES, Annotation, AnnotationKind
from archbuilder.model.bends import relative_bends
from archbuilder.model.containment import containment_error
from archbuilder.model.copies import copies_of
from archbuilder.model.layout import planned_layout
from archbuilder.model.new_nodes import container_node, growth, service_node
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH
from archbuilder.model.usage import DesignUsage, ScenarioUsage


class Document(QObject):
    # One per transaction (an edit, its undo or redo, a new architecture): validation, the properties panel
    # and the window title follow it. The canvas follows the model's own events.
    changed = Signal()
    architecture_about_to_be_replaced = Signal()
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
        self.architecture_about_to_be_replaced.emit()
        self.architecture = architecture
        self.undo_stack.clear()
        self.path = path
        self.architecture_replaced.emit()
        self.path_changed.emit(path)
        if modified:
            # A recovered document differs from its file: no clean state until it is saved.
            self.undo_stack.resetClean()
        self.modified_changed.emit(modified)
        self.changed.emit()

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

    # ------------------------------------------------------------------ transactions

    def _run(self, command: DocumentCommand) -> bool:
        """Apply the command; only if the model accepts it does it become an undo step."""
        try:
            command.apply()
        except InvariantError as exc:
            self.status_message.emit(f"Refused: {exc}")
            return False
        command.notify = self.changed.emit
        command.applied_before_push = True
        self.undo_stack.push(command)
        self.changed.emit()
        return True

    def _short(self, node_id: str) -> str:
        node = self.architecture.nodes.get(node_id)
        return node.label if node is not None else node_id

    def can_place(self, type_id: str, parent_id: str | None) -> str | None:
        parent = self.architecture.nodes.get(parent_id) if parent_id else None
        probe = ServiceNode(id="probe", label=self.catalog.get(type_id).short_name, type=type_id)
        return containment_error(self.catalog, probe, parent)

    # ------------------------------------------------------------------ edits

    def add_service(self, type_id: str, parent_id: str | None, x: float, y: float) -> str | None:
        """Add a service with the catalog's defaults; the containers around it grow to hold it."""
        node = service_node(
            self.catalog,
            type_id,
            self.architecture.new_id(self.catalog.get(type_id).short_name),
            parent_id,
            x=x,
            y=y,
        )
        grown = growth(self.architecture, parent_id, x, y, (SERVICE_WIDTH, SERVICE_HEIGHT))
        ok = self._run(AddNodesCommand(self.architecture, f"Add {node.label}", [node], grown))
        return node.id if ok else None

    def add_container(
        self, kind: NodeKind, parent_id: str | None, x: float, y: float, **fields: Any
    ) -> str | None:
        """Add a container with a free CIDR or zone and its default size, unless `fields` say otherwise."""
        try:
            node = container_node(self.architecture, kind, parent_id, x, y, **fields)
        except InvariantError as exc:
            self.status_message.emit(f"Refused: {exc}")
            return None
        grown = growth(self.architecture, parent_id, x, y, (node.width, node.height))
        ok = self._run(AddNodesCommand(self.architecture, f"Add {node.label}", [node], grown))
        return node.id if ok else None

    def move_items(self, moves: Mapping[str, Position], reparents: Sequence[Reparent] = ()) -> bool:
        """One gesture: `moves` place nodes within their containers, `reparents` put nodes into others."""
        if not moves and not reparents:
            return False
        if len(reparents) == 1 and not moves:
            node_id, parent_id = reparents[0][:2]
            target = self._short(parent_id) if parent_id else "the canvas"
            text = f"Move {self._short(node_id)} into {target}"
        elif len(moves) == 1 and not reparents:
            text = f"Move {self._short(next(iter(moves)))}"
        else:
            text = f"Move {len(moves) + len(reparents)} items"
        return self._run(MoveItemsCommand(self.architecture, text, moves, reparents))

    def resize_container(self, node_id: str, width: float, height: float) -> bool:
        return self._run(ResizeContainerCommand(self.architecture, node_id, width, height))

    def set_pinned(self, node_id: str, pinned: bool) -> bool:
        """Keep a node where it is through Tools › Arrange (or let the layout move it again)."""
        node = self.architecture.node(node_id)
        if node.pinned == pinned:
            return False
        text = f"{'Pin' if pinned else 'Unpin'} {node.label}"
        return self._run(SetPinnedCommand(self.architecture, text, (node_id,), node.pinned, pinned, False))

    def set_waypoints(self, connection_id: str, points: Sequence[tuple[float, float]]) -> bool:
        """Route a connection through these bend points, in scene coordinates (none: routed automatically
        again); they are kept relative to the connection's container, so they move with it."""
        connection = self.architecture.connection(connection_id)
        new = relative_bends(self.architecture, connection.source_id, connection.target_id, points)
        if new == connection.bends:
            return False
        text = "Reset the route" if not new else "Move a bend"
        return self._run(
            SetBendsCommand(self.architecture, text, (connection_id,), connection.bends, new, False)
        )

    # ------------------------------------------------------------------ notes, callouts, actors

    def add_annotation(
        self, kind: AnnotationKind, x: float, y: float, text: str = "", targets: Sequence[str] = ()
    ) -> str | None:
        """Add a note, a callout (pointing at `targets[0]`) or an actor (arrows to `targets`)."""
        annotations = self.architecture.annotations
        annotation = Annotation(
            id=annotations.new_id(kind, _TakenIds(self.architecture)),
            kind=kind,
            text=text,
            x=x,
            y=y,
            targets=tuple(targets),
        )
        if annotation.is_actor:
            annotation = annotation.model_copy(update={"width": SERVICE_WIDTH, "height": SERVICE_HEIGHT})
        text_of_step = f"Add {KIND_TITLES[kind].lower()}"
        ok = self._run(AddAnnotationCommand(self.architecture, text_of_step, annotation))
        return annotation.id if ok else None

    def move_annotations(self, moves: Mapping[str, Position]) -> bool:
        if not moves:
            return False
        text = "Move note" if len(moves) == 1 else f"Move {len(moves)} notes"
        return self._run(MoveAnnotationsCommand(self.architecture, text, moves))

    def remove_annotations(self, annotation_ids: Sequence[str]) -> bool:
        if not annotation_ids:
            return False
        text = "Delete note" if len(annotation_ids) == 1 else f"Delete {len(annotation_ids)} notes"
        return self._run(RemoveAnnotationsCommand(self.architecture, text, annotation_ids))

    def set_annotation_text(self, annotation_id: str, text: str) -> bool:
        if self.architecture.annotations.get(annotation_id).text == text:
            return False
        return self._run(SetAnnotationTextCommand(self.architecture, annotation_id, text))

    def arrange(self) -> bool:
        """The automatic layout (pinned nodes stay) as one step; False when nothing would move."""
        places, sizes = planned_layout(self.architecture)
        if not places and not sizes:
            self.status_message.emit("Arrange: the design is already arranged")
            return False
        if not self._run(ArrangeCommand(self.architecture, places, sizes)):
            return False
        self.status_message.emit(f"Arranged {len(places)} nodes")
        return True

    def delete(self, node_ids: Sequence[str] = (), connection_ids: Sequence[str] = ()) -> bool:
        """Delete nodes (with what is inside them and their connections) and connections, as one step."""
        if not node_ids and not connection_ids:
            return False
        if len(node_ids) == 1 and not connection_ids:
            text = f"Delete {self._short(node_ids[0])}"
        elif not node_ids:
            text = (
                "Delete connection"
                if len(connection_ids) == 1
                else f"Delete {len(connection_ids)} connections"
            )
        else:
            text = f"Delete {len(node_ids) + len(connection_ids)} items"
        return self._run(RemoveItemsCommand(self.architecture, text, node_ids, connection_ids))

    def connect_services(
        self, source_id: str, target_id: str, kind: ConnectionKind, port: int | None = None
    ) -> str | None:
        connection_id = self.architecture.new_id(f"{source_id}-to-{target_id}")
        text = f"Connect {self._short(source_id)} → {self._short(target_id)}"
        command = ConnectCommand(self.architecture, text, connection_id, (source_id, target_id), kind, port)
        return connection_id if self._run(command) else None

    def set_label(self, node_id: str, label: str, *, typing: bool = False) -> bool:
        old = self.architecture.node(node_id).label
        key = (node_id,)
        return self._run(SetLabelCommand(self.architecture, f"Rename {old}", key, old, label, typing))

    def set_property(self, node_id: str, name: str, value: Any, *, typing: bool = False) -> bool:
        node = self.architecture.service(node_id)
        spec = self.catalog.get(node.type).property_spec(name)
        text = f"Set {spec.label if spec else name}"
        old = node.properties.get(name)
        return self._run(SetPropertyCommand(self.architecture, text, (node_id, name), old, value, typing))

    def set_property_many(self, node_ids: Sequence[str], name: str, value: Any) -> bool:
        """Set one property on several services at once: one undo step."""
        if len(node_ids) == 1:
            return self.set_property(node_ids[0], name, value)
        spec = self.catalog.get(self.architecture.service(node_ids[0]).type).property_spec(name)
        text = f"Set {spec.label if spec else name} on {len(node_ids)} services"
        return self._run(SetPropertiesCommand(self.architecture, text, node_ids, name, value))

    def set_container_field(self, node_id: str, name: str, value: Any, *, typing: bool = False) -> bool:
        old = getattr(self.architecture.node(node_id), name, None)
        command = SetContainerFieldCommand(
            self.architecture, f"Set {name}", (node_id, name), old, value, typing
        )
        return self._run(command)

    def set_extra_subnets(self, node_id: str, ids: list[str]) -> bool:
        service = self.architecture.service(node_id)
        text = f"Set subnets of {service.label}"
        old = list(service.extra_subnet_ids)
        return self._run(SetExtraSubnetsCommand(self.architecture, text, (node_id,), old, list(ids), False))

    def set_metadata(self, name: str, value: Any, *, typing: bool = False) -> bool:
        old = getattr(self.architecture.metadata, name, None)
        text = f"Set design {name.replace('_', ' ')}"
        return self._run(SetMetadataCommand(self.architecture, text, (name,), old, value, typing))

    def set_usage(self, node_id: str, usage: ScenarioUsage | None, *, typing: bool = False) -> bool:
        """A service's usage assumptions for cost estimates (None: back to the presets)."""
        node = self.architecture.service(node_id)
        text = f"Set usage of {node.label}"
        return self._run(SetUsageCommand(self.architecture, text, (node_id,), node.usage, usage, typing))

    def set_design_usage(self, usage: DesignUsage, *, typing: bool = False) -> bool:
        """The design's own usage presets per service type, over the shipped ones."""
        old = self.architecture.design_usage
        return self._run(
            SetDesignUsageCommand(
                self.architecture, "Set design usage presets", ("design",), old, usage, typing
            )
        )

    def swap_service(self, node_id: str, type_id: str) -> bool:
        """Replace a service by one of another type (a what-if alternative), keeping the connections it accepts."""
        from archbuilder.compare.whatif import SwapError, swap

        try:
            result = swap(self.architecture, node_id, type_id)
        except SwapError as exc:
            self.status_message.emit(f"Refused: {exc}")
            return False
        new_node = result.architecture.service(node_id)
        connections = result.architecture.connections_of(node_id)
        text = f"Swap {new_node.label} for {self.catalog.get(type_id).short_name}"
        if result.dropped:
            self.status_message.emit(
                f"{len(result.dropped)} connection(s) {self.catalog.get(type_id).short_name} does not accept "
                "were removed"
            )
        return self._run(SwapServiceCommand(self.architecture, text, new_node, connections))

    def suppress(self, suppression: Suppression) -> bool:
        return self._run(SuppressCommand(self.architecture, suppression))

    def duplicate(self, node_ids: list[str], dx: float, dy: float) -> list[str]:
        """Copies services and containers (with their contents) next to the originals; one undo step."""
        copies = copies_of(self.architecture, node_ids, dx, dy)
        if not copies.roots:
            return []
        count = len(copies.roots)
        text = f"Duplicate {count} item{'s' if count != 1 else ''}"
        ok = self._run(AddNodesCommand(self.architecture, text, copies.nodes, {}))
        return copies.root_copies if ok else []


class _TakenIds:
    """The design's node and connection ids, as a container (annotation ids are kept apart from them)."""

    def __init__(self, architecture: Architecture) -> None:
        self._architecture = architecture

    def __contains__(self, value: object) -> bool:
        return isinstance(value, str) and self._architecture.is_taken(value)
