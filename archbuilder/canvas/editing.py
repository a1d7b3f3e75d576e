"""Editing gestures of the canvas scene: moving items (a drag is one undo step, reparenting included),
resizing containers, connecting, deleting, copying. They become Document calls, never direct model edits;
the model's events then update the items (archbuilder.canvas.scene)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from archbuilder.canvas.interactions import (
    DocumentLike,
    DropTarget,
    KindChooser,
    container_target,
    service_target,
)
from archbuilder.canvas.items.annotation_item import AnnotationItem
from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.drawing.routing import moved_bend
from archbuilder.model import Architecture
from archbuilder.model.pairs import kinds_between

if TYPE_CHECKING:
    from archbuilder.canvas.annotations import AnnotationLayer
    from archbuilder.canvas.captions import CaptionLayer
    from archbuilder.canvas.snapping import Snapper

NodeItem = ServiceItem | ContainerItem
PASTE_OFFSET = 24.0


class EditingScene(QGraphicsScene):
    """The gesture half of ArchitectureScene, which provides the state and the queries declared here."""

    document: DocumentLike
    kind_chooser: KindChooser | None
    _connections: dict[str, ConnectionItem]
    _drag: dict[NodeItem, QPointF] | None
    _drag_lead: NodeItem | None
    _highlighted: ContainerItem | None
    _clipboard: list[str]
    annotations: AnnotationLayer
    captions: CaptionLayer
    snapper: Snapper
    _note_drag: dict[AnnotationItem, QPointF]
    # Asks for a text (title, current) and returns the new one, None when cancelled; the view installs one.
    text_editor: Callable[[str, str], str | None] | None
    _paste_count: int

    @property
    def architecture(self) -> Architecture:
        raise NotImplementedError

    def on_item_moved(self, item: NodeItem) -> None:
        raise NotImplementedError

    def place_pending_captions(self, area: Any = None) -> int:
        raise NotImplementedError

    def route_connection(self, item: ConnectionItem, *, full: bool | None = None) -> None:
        raise NotImplementedError

    def bend_moved(self, item: ConnectionItem, index: int, scene_pos: QPointF) -> None:
        """A bend handle was dropped: the route now passes through the bends with this one moved."""
        route = item.route_tuples()
        if not 0 <= index < len(route) - 2:
            return
        bends = moved_bend(route, index, (scene_pos.x(), scene_pos.y()))
        if not self.document.set_waypoints(item.connection_id, bends):
            self.route_connection(item)  # refused: the handle goes back to the route's bend

    def reroute(self, items: Sequence[NodeItem]) -> None:
        """Search the routes of the connections of moved items again (after a drag, they followed quickly)."""
        with self.captions.batch():  # the items have landed: their captions share one outline index
            for item in items:
                self.on_item_moved(item)

    def select_nodes(self, ids: list[str]) -> None:
        raise NotImplementedError

    def selected_node_ids(self) -> list[str]:
        raise NotImplementedError

    def selected_connection_ids(self) -> list[str]:
        raise NotImplementedError

    # ------------------------------------------------------------------ moving items (one undo step)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        grabber = self.mouseGrabberItem()
        self._note_drag = self.annotations.positions() if isinstance(grabber, AnnotationItem) else {}
        if isinstance(grabber, ServiceItem | ContainerItem):
            selected = [i for i in self.selectedItems() if isinstance(i, ServiceItem | ContainerItem)]
            chosen = set(selected)
            # Children of a selected container ride along with it; only the outermost ones move in the model.
            self._drag = {
                item: QPointF(item.pos()) for item in selected if not _has_ancestor_in(item, chosen)
            }
            self._drag_lead = grabber

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        for note in self._note_drag:
            self.annotations.item_moved(note)
        if (
            self._drag
            and self._drag_lead is not None
            and self._drag_lead.pos() != self._drag.get(self._drag_lead)
        ):
            self.snapper.snap(self._drag_lead, list(self._drag))
            for item in self._drag:
                self.on_item_moved(item)
            target = self._target_for(self._drag_lead, set(self._drag))
            self.highlight_target(target)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        notes, self._note_drag = self._note_drag, {}
        moved_notes = {
            n.annotation_id: (n.pos().x(), n.pos().y()) for n, start in notes.items() if n.pos() != start
        }
        if moved_notes and not self.document.move_annotations(moved_notes):
            for note in notes:
                note.update_from(self.architecture.annotations.get(note.annotation_id))
        drag, self._drag, self._drag_lead = self._drag, None, None
        self.snapper.clear()
        self.highlight_target(None)
        if drag:
            moved = {item: start for item, start in drag.items() if item.pos() != start}
            if moved:
                self.commit_move(list(moved))
                # During the drag the connections followed quick routes; now they are searched again.
                self.reroute([item for item in moved if item.scene() is self])
            for view in self.views():
                self.place_pending_captions(view.mapToScene(view.viewport().rect()).boundingRect())

    def highlight_target(self, target: DropTarget | None) -> None:
        container = target.container if target is not None else None
        if self._highlighted is not None and self._highlighted is not container:
            self._highlighted.set_drop_highlight(None)
        self._highlighted = container
        if container is not None and target is not None:
            container.set_drop_highlight(target.allowed)

    def _target_for(self, item: NodeItem, moving: set[Any]) -> DropTarget:
        """Where a moved item would land: a service by its centre, a container by its header's corner."""
        if isinstance(item, ServiceItem):
            return service_target(self, self.document, item.type_id, item.center_scene(), moving)
        return container_target(self, item.kind, item.mapToScene(QPointF(12, 12)), moving)

    def commit_move(self, items: list[NodeItem]) -> bool:
        """Turn a finished drag into one Document transaction (one undo step), reparenting included."""
        architecture = self.architecture
        moving = set(items)
        moves: dict[str, tuple[float, float]] = {}
        reparents: list[tuple[str, str | None, float, float]] = []
        for item in items:
            target = self._target_for(item, moving)
            if not target.allowed:
                self._refuse(items, f"{architecture.node(item.node_id).label}: {target.reason}")
                return False
            node = architecture.node(item.node_id)
            if target.parent_id == node.parent_id:
                moves[item.node_id] = (item.pos().x(), item.pos().y())
            else:
                local = (
                    target.container.mapFromScene(item.scenePos())
                    if target.container is not None
                    else item.scenePos()
                )
                reparents.append((item.node_id, target.parent_id, local.x(), local.y()))
        ok = self.document.move_items(moves, reparents)
        self._sync_positions(items)
        return bool(ok)

    def _refuse(self, items: list[NodeItem], reason: str) -> None:
        self.document.status_message.emit(reason)
        self._sync_positions(items)

    def _sync_positions(self, items: list[NodeItem]) -> None:
        """Put items where the model says (a refused or partly refused drag snaps back)."""
        for item in items:
            node = self.architecture.nodes.get(item.node_id)
            if node is not None and item.pos() != QPointF(node.x, node.y):
                item.setPos(node.x, node.y)
                self.on_item_moved(item)

    def on_container_resized(self, item: ContainerItem, width: float, height: float) -> None:
        node = self.architecture.nodes.get(item.node_id)
        if node is None:
            return
        if (getattr(node, "width", width), getattr(node, "height", height)) == (width, height):
            return
        if not self.document.resize_container(item.node_id, width, height):
            item.update_from(node)

    # ------------------------------------------------------------------ connecting, deleting, copying

    def connect_services(self, source_id: str, target_id: str, at: QPointF) -> str | None:
        """Connect with a kind the target accepts and the source can start (archbuilder.model.pairs); ask
        `kind_chooser` when there are several."""
        architecture = self.architecture
        source, target = architecture.service(source_id), architecture.service(target_id)
        if not architecture.accepted_kinds(source_id, target_id):
            self.document.status_message.emit(f"{target.label} does not accept connections")
            return None
        kinds = kinds_between(architecture.catalog, source.type, target.type)
        if not kinds:
            self.document.status_message.emit(
                f"{target.label} accepts no connection {source.label} can start"
            )
            return None
        if len(kinds) == 1 or self.kind_chooser is None:
            kind: Any = kinds[0]
        else:
            kind = self.kind_chooser(kinds, at)
        if kind is None:
            return None
        return self.document.connect_services(source_id, target_id, kind)

    def delete_selection(self) -> bool:
        node_ids = self.selected_node_ids()
        connection_ids = [
            cid
            for cid in self.selected_connection_ids()
            if not {self._connections[cid].source_id, self._connections[cid].target_id} & set(node_ids)
        ]
        notes = self.annotations.selected_ids()
        deleted = bool(notes) and self.document.remove_annotations(notes)
        if node_ids or connection_ids:
            deleted = self.document.delete(node_ids, connection_ids) or deleted
        return deleted

    def nudge_selection(self, dx: float, dy: float) -> bool:
        """Move the selected nodes (the outermost of them) and annotations by (dx, dy): one undo step each."""
        chosen = {i for i in self.selectedItems() if isinstance(i, ServiceItem | ContainerItem)}
        moves = {
            item.node_id: (item.pos().x() + dx, item.pos().y() + dy)
            for item in chosen
            if not _has_ancestor_in(item, chosen)
        }
        notes = {
            note.annotation_id: (note.pos().x() + dx, note.pos().y() + dy)
            for note in self.annotations.items.values()
            if note.isSelected()
        }
        moved = bool(moves) and self.document.move_items(moves)
        return (bool(notes) and self.document.move_annotations(notes)) or moved

    def edit_annotation(self, item: AnnotationItem) -> bool:
        """Double-click on a note: ask for its text (the view installs `text_editor`)."""
        if self.text_editor is None:
            return False
        text = self.text_editor("Note", item.annotation.text)
        return text is not None and self.document.set_annotation_text(item.annotation_id, text)

    def clipboard_ids(self) -> list[str]:
        return [node_id for node_id in self._clipboard if node_id in self.architecture.nodes]

    def copy_selection(self) -> list[str]:
        self._clipboard = self.selected_node_ids()
        self._paste_count = 0
        return list(self._clipboard)

    def paste(self) -> list[str]:
        ids = [node_id for node_id in self._clipboard if node_id in self.architecture.nodes]
        if not ids:
            return []
        self._paste_count += 1
        offset = PASTE_OFFSET * self._paste_count
        new_ids = self.document.duplicate(ids, offset, offset)
        if new_ids:
            self.select_nodes(new_ids)
        return new_ids

    def duplicate_selection(self) -> list[str]:
        ids = self.selected_node_ids()
        if not ids:
            return []
        new_ids = self.document.duplicate(ids, PASTE_OFFSET, PASTE_OFFSET)
        if new_ids:
            self.select_nodes(new_ids)
        return new_ids


def _has_ancestor_in(item: QGraphicsItem, chosen: set[Any]) -> bool:
    parent = item.parentItem()
    while parent is not None:
        if parent in chosen:
            return True
        parent = parent.parentItem()
    return False
