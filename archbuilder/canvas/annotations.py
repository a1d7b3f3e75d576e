"""Notes, callouts and actors on the canvas, kept in step with the design's annotations: one item each, a
callout's leader line following the node it points at, and an actor's arrows to the services it reaches,
routed like connections (archbuilder.canvas.routes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from archbuilder.canvas.items.annotation_item import AnnotationItem
from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.model import Connection
from archbuilder.model.annotations import Annotation

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene


class ActorLinkItem(ConnectionItem):
    """An actor's arrow to a service: drawn and routed as a connection, with no caption."""

    def label_fits(self) -> bool:
        return False

    def tooltip_text(self) -> str:
        return f"{self.source_id} → {self.target_id}"


class AnnotationLayer:
    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self.items: dict[str, AnnotationItem] = {}
        self.links: dict[str, list[ActorLinkItem]] = {}  # annotation id -> its arrows

    def handlers(self) -> list[tuple[object, object]]:
        events = self._scene.document.architecture.annotations.events
        return [(events.added, self.added), (events.removed, self.removed), (events.changed, self.changed)]

    def clear(self) -> None:
        self.items.clear()
        self.links.clear()

    def build(self) -> None:
        for annotation in self._scene.architecture.annotations.items.values():
            self.added(annotation)

    def added(self, annotation: Annotation) -> None:
        item = AnnotationItem(annotation)
        self.items[annotation.id] = item
        self._scene.addItem(item)
        self._follow(annotation)

    def removed(self, annotation: Annotation) -> None:
        item = self.items.pop(annotation.id, None)
        for link in self.links.pop(annotation.id, []):
            self._scene.captions.removed(link)
            self._scene.removeItem(link)
        if item is not None:
            self._scene.removeItem(item)

    def changed(self, annotation: Annotation, field: str) -> None:
        item = self.items.get(annotation.id)
        if item is None:
            return
        item.update_from(annotation)
        if field == "targets":
            for link in self.links.pop(annotation.id, []):
                self._scene.removeItem(link)
        self._follow(annotation)

    def item_moved(self, item: AnnotationItem) -> None:
        """An annotation was dragged: its arrows follow."""
        self._follow(item.annotation, full=False)

    def node_moved(self, node_ids: set[str]) -> None:
        """Nodes moved: callouts pointing at them and actors reaching them follow."""
        for annotation_id, item in self.items.items():
            if node_ids & set(item.annotation.targets):
                self._follow(self._scene.architecture.annotations.items[annotation_id])

    def _follow(self, annotation: Annotation, *, full: bool = True) -> None:
        item = self.items[annotation.id]
        if annotation.kind == "callout":
            target = self._scene.item_for(annotation.targets[0]) if annotation.targets else None
            item.set_target(target.sceneBoundingRect().center() if target is not None else None)
            return
        if not annotation.is_actor:
            return
        links = self.links.get(annotation.id)
        if links is None:
            links = self.links[annotation.id] = [self._link(annotation, t) for t in annotation.targets]
        for link in links:
            target = self._scene.item_for(link.target_id)
            if isinstance(target, ServiceItem):
                points = self._scene.routes.route(link, item.anchor_scene(), target.anchor_scene(), full=full)
                link.set_route(points)

    def _link(self, annotation: Annotation, target_id: str) -> ActorLinkItem:
        connection = Connection(
            id=f"{annotation.id}-to-{target_id}", source_id=annotation.id, target_id=target_id
        )
        link = ActorLinkItem(connection)
        self._scene.addItem(link)
        return link

    def selected_ids(self) -> list[str]:
        return [annotation_id for annotation_id, item in self.items.items() if item.isSelected()]

    def positions(self) -> dict[AnnotationItem, QPointF]:
        return {item: QPointF(item.pos()) for item in self.items.values() if item.isSelected()}
