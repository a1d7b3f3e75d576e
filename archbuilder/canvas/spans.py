"""Span items: a multi-subnet service drawn again in each extra subnet it spans.

Where a span goes is derived, never saved: on the row of the service (the same scene height when the extra
subnet reaches it, as the diagram exporter ranks copies with their service), in the same column of the
subnet when that is free, else at the nearest free place; services and earlier spans in the subnet are
avoided. Connections stay on the service's own item: a connection is one model object, and an arrow that
jumped to whichever copy is nearest would change as things move and suggest per-AZ wiring the model does
not have.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from archbuilder.canvas import styles
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.items.span_item import SpanItem
from archbuilder.drawing.diagram import az_ids
from archbuilder.drawing.geometry import Box
from archbuilder.drawing.spans import SPAN_GAP, SPAN_MARGIN, free_place
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, ServiceNode

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

Edges = tuple[float, float, float, float]  # left, top, right, bottom of an obstacle widened by the gap


def place_span(
    aligned: QPointF,
    area: QRectF,
    obstacles: Iterable[QRectF],
    size: tuple[float, float] = (SERVICE_WIDTH, SERVICE_HEIGHT),
    gap: float = SPAN_GAP,
) -> QPointF:
    """The top-left corner for a box of `size` inside `area` nearest to `aligned` (same row first, then the
    nearest column) that keeps `gap` from every obstacle; when nothing is free, the candidate overlapping
    the obstacles least (archbuilder.drawing.spans, which the exports use too)."""
    edges = [widened(rect, gap) for rect in obstacles]
    return place_among(aligned, area, edges, size)


def widened(rect: QRectF, gap: float = SPAN_GAP) -> Edges:
    return (rect.left() - gap, rect.top() - gap, rect.right() + gap, rect.bottom() + gap)


def place_among(
    aligned: QPointF,
    area: QRectF,
    edges: list[Edges],
    size: tuple[float, float] = (SERVICE_WIDTH, SERVICE_HEIGHT),
) -> QPointF:
    """`place_span` over obstacles already widened by the gap (a layout pass keeps them between spans)."""
    box = Box(area.left(), area.top(), area.width(), area.height())
    x, y = free_place((aligned.x(), aligned.y()), box, edges, size)
    return QPointF(x, y)


class SpanLayer:
    """Keeps one SpanItem per (service, extra subnet) in step with the model, and lays them out."""

    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self._spans: dict[str, dict[str, SpanItem]] = {}  # service id -> {subnet id: item}
        self._hosted: dict[str, set[str]] = {}  # subnet id -> ids of the services spanning into it
        self._waiting: dict[str, set[str]] = {}  # subnet id without an item yet -> services naming it
        self.collapsed = False  # View › Collapse AZ copies: copies hidden, a "×3 AZs" badge on the service
        self._badges: dict[str, QGraphicsSimpleTextItem] = {}

    # ------------------------------------------------------------------ queries

    def items_of(self, service_id: str) -> list[SpanItem]:
        return list(self._spans.get(service_id, {}).values())

    def item(self, service_id: str, subnet_id: str) -> SpanItem | None:
        return self._spans.get(service_id, {}).get(subnet_id)

    def all_items(self) -> list[SpanItem]:
        return [item for spans in self._spans.values() for item in spans.values()]

    def hosts(self, subnet_id: str | None) -> bool:
        return subnet_id is not None and bool(self._hosted.get(subnet_id))

    # ------------------------------------------------------------------ keeping in step

    def clear(self) -> None:
        """Forget everything (the scene was cleared, the items are gone with it)."""
        self._spans.clear()
        self._hosted.clear()
        self._waiting.clear()
        self._badges.clear()

    def build(self, services: Iterable[ServiceNode]) -> None:
        for node in services:
            if node.extra_subnet_ids:
                self._create(node)
        self.layout_subnets(list(self._hosted))
        self.collapsed = self._scene.architecture.metadata.collapse_az_copies  # saved with the design
        if self.collapsed:
            self.set_collapsed(True)

    def sync(self, service_id: str) -> None:
        """Make the span items of a service match its extra subnets in the model, then lay them out."""
        node = self._scene.architecture.nodes.get(service_id)
        wanted = set(node.extra_subnet_ids) if isinstance(node, ServiceNode) else set()
        current = self._spans.get(service_id, {})
        touched = set(current) ^ wanted
        for subnet_id in set(current) - wanted:
            self._drop(service_id, subnet_id)
        if isinstance(node, ServiceNode):
            self._create(node)
            for item in self._spans.get(service_id, {}).values():
                item.set_label(node.label)
        touched.update(self._spans.get(service_id, {}))
        self.layout_subnets(touched)
        if self.collapsed:
            self._show_collapsed(service_id)

    def service_removed(self, service_id: str, parent_id: str | None) -> None:
        for subnet_id in list(self._spans.get(service_id, {})):
            self._drop(service_id, subnet_id)
        if self.hosts(parent_id):
            self.layout_subnets([parent_id or ""])

    def container_removed(self, container_id: str) -> None:
        """Its span items went with its item; forget them (the model trims extra subnets before this)."""
        for service_id in self._hosted.pop(container_id, set()):
            self._spans.get(service_id, {}).pop(container_id, None)

    def container_added(self, container_id: str) -> None:
        """A subnet came back (undo of a delete) after a service naming it."""
        for service_id in self._waiting.pop(container_id, set()):
            self.sync(service_id)

    def label_changed(self, node: ServiceNode) -> None:
        for item in self._spans.get(node.id, {}).values():
            item.set_label(node.label)

    def service_moved(self, service_id: str, parent_id: str | None) -> None:
        """A service moved (drag frame or model): its spans follow its row; spans around it make room."""
        subnets = set(self._spans.get(service_id, {}))
        if self.hosts(parent_id):
            subnets.add(parent_id or "")
        if subnets:
            self.layout_subnets(subnets)

    def layout_all(self) -> None:
        self.layout_subnets(list(self._hosted))

    def highlight(self, service_id: str, selected: bool) -> None:
        for item in self._spans.get(service_id, {}).values():
            item.set_highlighted(selected)

    def set_detail(self, level: int) -> None:
        for item in self.all_items():
            item.set_detail(level)

    def set_collapsed(self, collapsed: bool) -> None:
        """Hide every copy and badge its service with the number of AZs it runs in (big designs read more
        easily), or show the copies again."""
        self.collapsed = collapsed
        for service_id in list(self._spans) + list(self._badges):
            self._show_collapsed(service_id)

    def badge_text(self, service_id: str) -> str | None:
        badge = self._badges.get(service_id)
        return badge.text() if badge is not None else None

    def _show_collapsed(self, service_id: str) -> None:
        for item in self._spans.get(service_id, {}).values():
            item.setVisible(not self.collapsed)
        old = self._badges.pop(service_id, None)
        if old is not None and old.scene() is not None:
            old.scene().removeItem(old)
        primary = self._scene.node_items().get(service_id)
        if not self.collapsed or not self._spans.get(service_id) or not isinstance(primary, ServiceItem):
            return
        zones = az_ids(self._scene.architecture, self._scene.architecture.service(service_id))
        badge = QGraphicsSimpleTextItem(f"×{len(zones)} AZs", primary)  # plain text
        badge.setBrush(QBrush(styles.SELECTION_COLOR))
        badge.setPos(SERVICE_WIDTH - 20, styles.ICON_SIZE - 8)
        badge.setZValue(12)
        self._badges[service_id] = badge

    # ------------------------------------------------------------------ internals

    def _create(self, node: ServiceNode) -> None:
        spans = self._spans.setdefault(node.id, {})
        for subnet_id in node.extra_subnet_ids:
            host = self._scene.node_items().get(subnet_id)
            if subnet_id in spans:
                continue
            if not isinstance(host, ContainerItem):
                self._waiting.setdefault(subnet_id, set()).add(node.id)
                continue
            item = SpanItem(node, subnet_id, self._scene.architecture.catalog, host)
            item.set_detail(self._scene.detail_level())
            primary = self._scene.node_items().get(node.id)
            if primary is not None and primary.isSelected():
                item.set_highlighted(True)
            spans[subnet_id] = item
            item.setVisible(not self.collapsed)
            self._hosted.setdefault(subnet_id, set()).add(node.id)
        if not spans:
            self._spans.pop(node.id, None)

    def _drop(self, service_id: str, subnet_id: str) -> None:
        item = self._spans.get(service_id, {}).pop(subnet_id, None)
        if not self._spans.get(service_id):
            self._spans.pop(service_id, None)
        hosted = self._hosted.get(subnet_id)
        if hosted is not None:
            hosted.discard(service_id)
            if not hosted:
                del self._hosted[subnet_id]
        if item is not None and item.scene() is not None:
            item.scene().removeItem(item)

    def layout_subnets(self, subnet_ids: Iterable[str]) -> None:
        for subnet_id in subnet_ids:
            self._layout(subnet_id)

    def _layout(self, subnet_id: str) -> None:
        host = self._scene.node_items().get(subnet_id)
        service_ids = sorted(self._hosted.get(subnet_id, ()))
        if not isinstance(host, ContainerItem) or not service_ids:
            return
        rect = host.rect()
        area = rect.adjusted(SPAN_MARGIN, styles.HEADER_HEIGHT, -SPAN_MARGIN, -SPAN_MARGIN)
        obstacles = [
            widened(child.mapRectToParent(child.rect()))
            for child in host.childItems()
            if isinstance(child, ServiceItem)
        ]
        for service_id in service_ids:
            item = self._spans[service_id][subnet_id]
            primary = self._scene.node_items().get(service_id)
            if primary is None:
                continue
            column = primary.pos().x()
            row = host.mapFromScene(primary.scenePos()).y()
            if not area.top() <= row <= area.bottom() - SERVICE_HEIGHT:
                row = primary.pos().y()  # the subnets are not side by side: keep the row within the subnet
            position = place_among(QPointF(column, row), area, obstacles)
            if item.pos() != position:
                item.setPos(position)
            obstacles.append(widened(QRectF(position.x(), position.y(), SERVICE_WIDTH, SERVICE_HEIGHT)))
