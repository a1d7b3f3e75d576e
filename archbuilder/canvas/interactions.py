"""Gesture logic shared by scene and view: where a dragged thing would land (and whether it may),
the palette's MIME types, and drawing a new connection from one service to another."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsScene

from archbuilder.canvas import styles
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.items.span_item import SpanItem
from archbuilder.catalog import ConnectionKind, ParentKind
from archbuilder.model.containment import CONTAINER_PARENT, describe_place
from archbuilder.model.nodes import NodeKind, SubnetTier

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

SERVICE_MIME = "application/x-archbuilder-service"
CONTAINER_MIME = "application/x-archbuilder-container"

# Palette payloads for containers: the kind to create and the fields it starts with.
CONTAINER_PAYLOADS: dict[str, tuple[NodeKind, dict[str, Any]]] = {
    "region": (NodeKind.REGION, {}),
    "vpc": (NodeKind.VPC, {}),
    "az": (NodeKind.AZ, {}),
    "subnet-public": (NodeKind.SUBNET, {"tier": SubnetTier.PUBLIC}),
    "subnet-private": (NodeKind.SUBNET, {"tier": SubnetTier.PRIVATE}),
}
CONTAINER_TITLES = {
    NodeKind.REGION: "region",
    NodeKind.VPC: "VPC",
    NodeKind.AZ: "availability zone",
    NodeKind.SUBNET: "subnet",
}

KindChooser = Callable[[list[ConnectionKind], QPointF], ConnectionKind | None]


class DocumentLike(Protocol):
    """The part of `archbuilder.editor.document.Document` the canvas calls (see the GUI contract)."""

    architecture: Any
    status_message: Any
    architecture_about_to_be_replaced: Any
    architecture_replaced: Any

    def can_place(self, type_id: str, parent_id: str | None) -> str | None: ...
    def add_service(self, type_id: str, parent_id: str | None, x: float, y: float) -> str | None: ...
    def add_container(
        self, kind: NodeKind, parent_id: str | None, x: float, y: float, **fields: Any
    ) -> str | None: ...
    def move_items(
        self,
        moves: Mapping[str, tuple[float, float]],
        reparents: Sequence[tuple[str, str | None, float, float]] = (),
    ) -> bool: ...
    def resize_container(self, node_id: str, width: float, height: float) -> bool: ...
    def delete(self, node_ids: Sequence[str] = (), connection_ids: Sequence[str] = ()) -> bool: ...
    def connect_services(
        self, source_id: str, target_id: str, kind: ConnectionKind, port: int | None = None
    ) -> str | None: ...
    def duplicate(self, node_ids: list[str], dx: float, dy: float) -> list[str]: ...
    def set_waypoints(self, connection_id: str, points: Sequence[tuple[float, float]]) -> bool: ...
    def move_annotations(self, moves: Mapping[str, tuple[float, float]]) -> bool: ...
    def add_annotation(
        self, kind: Any, x: float, y: float, text: str = "", targets: Sequence[str] = ()
    ) -> str | None: ...
    def arrange(self) -> bool: ...
    def set_pinned(self, node_id: str, pinned: bool) -> bool: ...
    def set_label(self, node_id: str, label: str, *, typing: bool = False) -> bool: ...
    def remove_annotations(self, annotation_ids: Sequence[str]) -> bool: ...
    def set_annotation_text(self, annotation_id: str, text: str) -> bool: ...


@dataclass(frozen=True)
class DropTarget:
    """Where a drop would land: a container item (None = the bare canvas) and why it is refused, if it is."""

    container: ContainerItem | None
    reason: str | None = None

    @property
    def allowed(self) -> bool:
        return self.reason is None

    @property
    def parent_id(self) -> str | None:
        return self.container.node_id if self.container is not None else None


def _excluded(item: QGraphicsItem, exclude: set[QGraphicsItem]) -> bool:
    current: QGraphicsItem | None = item
    while current is not None:
        if current in exclude:
            return True
        current = current.parentItem()
    return False


def containers_at(
    scene: QGraphicsScene, scene_pos: QPointF, exclude: Iterable[QGraphicsItem] = ()
) -> list[ContainerItem]:
    """Containers under a point, innermost first, skipping the excluded items and everything inside them."""
    skip = set(exclude)
    walk = getattr(scene, "containers_at", None)
    if walk is not None:
        return list(walk(scene_pos, skip))
    found = []
    for item in scene.items(
        scene_pos, Qt.ItemSelectionMode.IntersectsItemBoundingRect, Qt.SortOrder.DescendingOrder
    ):
        if isinstance(item, ContainerItem) and not (skip and _excluded(item, skip)):
            found.append(item)
    return found


def service_target(
    scene: QGraphicsScene,
    document: DocumentLike,
    type_id: str,
    scene_pos: QPointF,
    exclude: Iterable[QGraphicsItem] = (),
) -> DropTarget:
    """A service lands in the innermost container under the point; the document says if it may."""
    containers = containers_at(scene, scene_pos, exclude)
    container = containers[0] if containers else None
    reason = document.can_place(type_id, container.node_id if container is not None else None)
    return DropTarget(container, reason)


def container_target(
    scene: QGraphicsScene, kind: NodeKind, scene_pos: QPointF, exclude: Iterable[QGraphicsItem] = ()
) -> DropTarget:
    """A container lands in the nearest container of the kind it nests in (region > VPC > AZ > subnet),
    so a subnet dropped over another subnet goes into that subnet's AZ."""
    wanted = CONTAINER_PARENT[kind]
    if wanted is ParentKind.ROOT:
        return DropTarget(None)
    containers = containers_at(scene, scene_pos, exclude)
    for container in containers:
        if container.kind.value == wanted.value:
            return DropTarget(container)
    innermost = containers[0] if containers else None
    return DropTarget(innermost, f"a {CONTAINER_TITLES[kind]} must be placed {describe_place(wanted)}")


def service_item_at(scene: QGraphicsScene, scene_pos: QPointF) -> ServiceItem | None:
    """The service under a point; a span item (a service drawn in an extra subnet) stands for its service."""
    for item in scene.items(scene_pos):
        current: QGraphicsItem | None = item
        while current is not None and not isinstance(current, ServiceItem):
            if isinstance(current, SpanItem):
                primary = scene.item_for(current.service_id) if hasattr(scene, "item_for") else None
                return primary if isinstance(primary, ServiceItem) else None
            if isinstance(current, ContainerItem):
                current = None
                break
            current = current.parentItem()
        if isinstance(current, ServiceItem):
            return current
    return None


class ConnectGesture:
    """A rubber line from a source service following the pointer; released on a service, it connects."""

    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self._source: ServiceItem | None = None
        self._line: QGraphicsLineItem | None = None

    @property
    def active(self) -> bool:
        return self._source is not None

    def begin(self, source: QGraphicsItem | None, scene_pos: QPointF) -> None:
        if not isinstance(source, ServiceItem):
            return
        self.cancel()
        self._source = source
        start = source.center_scene()
        self._line = QGraphicsLineItem(start.x(), start.y(), scene_pos.x(), scene_pos.y())
        pen = QPen(styles.TEMP_CONNECTION_COLOR, 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._line.setPen(pen)
        self._line.setZValue(100)
        self._scene.addItem(self._line)

    def update(self, scene_pos: QPointF) -> None:
        if self._line is not None and self._source is not None:
            start = self._source.center_scene()
            self._line.setLine(start.x(), start.y(), scene_pos.x(), scene_pos.y())

    def finish(self, scene_pos: QPointF) -> str | None:
        """Connect to the service under `scene_pos`; returns the new connection id or None."""
        source = self._source
        self.cancel()
        if source is None:
            return None
        target = service_item_at(self._scene, scene_pos)
        if target is None or target is source:
            return None
        return self._scene.connect_services(source.node_id, target.node_id, scene_pos)

    def finish_on_service(self, scene_pos: QPointF) -> str | None:
        """Connect if `scene_pos` is on a service other than the source; else keep waiting for a click."""
        target = service_item_at(self._scene, scene_pos)
        if target is None or target is self._source:
            self.update(scene_pos)
            return None
        return self.finish(scene_pos)

    def cancel(self) -> None:
        if self._line is not None:
            self._scene.removeItem(self._line)
        self._line = None
        self._source = None
