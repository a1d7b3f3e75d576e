"""A region, VPC, availability zone or subnet: a styled rectangle with a header (icon, label, CIDR),
a resize handle, a drop highlight, and child items that move with it."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from archbuilder.canvas import styles
from archbuilder.canvas.icons import resource_pixmap
from archbuilder.canvas.items.connection_item import clip_segment
from archbuilder.canvas.items.finding_badge import BADGE_SIZE, FindingBadge, FindingLike
from archbuilder.model.nodes import (
    AnyNode,
    AvailabilityZoneNode,
    NodeKind,
    RegionNode,
    SubnetNode,
    VpcNode,
)


def header_detail(node: AnyNode) -> str:
    """The second part of the header: the CIDR of a VPC or subnet, the zone or region code."""
    if isinstance(node, VpcNode | SubnetNode):
        return node.cidr
    if isinstance(node, AvailabilityZoneNode):
        return node.zone if node.zone != node.label else ""
    if isinstance(node, RegionNode):
        return node.region if node.region != node.label else ""
    return ""


class ResizeHandle(QGraphicsRectItem):
    """The square at a container's bottom-right corner; dragging it resizes live, release commits once."""

    def __init__(self, parent: ContainerItem) -> None:
        size = styles.RESIZE_HANDLE_SIZE
        super().__init__(-size, -size, size, size, parent)
        self.setBrush(QBrush(styles.SELECTION_COLOR))
        self.setPen(QPen(QColor("white"), 1))
        self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        self.setZValue(30)
        self.setToolTip("Drag to resize")
        self.setVisible(False)
        self._container = parent
        self._grab = QPointF()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            # Keep the offset between the pointer and the corner, so the corner does not jump to the pointer.
            rect = self._container.rect()
            self._grab = rect.bottomRight() - self._container.mapFromScene(event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        corner = self._container.mapFromScene(event.scenePos()) + self._grab
        minimum = self._container.minimum_size()
        self._container.set_size(max(minimum[0], corner.x()), max(minimum[1], corner.y()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        rect = self._container.rect()
        if scene is not None:
            scene.on_container_resized(self._container, rect.width(), rect.height())  # type: ignore[attr-defined]


class ContainerItem(QGraphicsRectItem):
    def __init__(self, node: AnyNode) -> None:
        super().__init__(0, 0, 10, 10)
        self.node_id = node.id
        self.kind = NodeKind(node.kind)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self._icon: QGraphicsPixmapItem | None = None
        self._title = QGraphicsSimpleTextItem(self)
        self._title.setFont(styles.header_font())
        self._detail = QGraphicsSimpleTextItem(self)
        self._detail.setFont(styles.cidr_font())
        self._detail.setBrush(QBrush(styles.MUTED_TEXT_COLOR))
        self._handle = ResizeHandle(self)
        self._badge: FindingBadge | None = None
        self._highlight: bool | None = None
        self.update_from(node)

    def update_from(self, node: AnyNode) -> None:
        """Take label, fields, position and size from the model node."""
        self.style = styles.container_style(node)
        self.label = node.label
        self.detail_text = header_detail(node)
        self.subnet_tier = node.tier.value if isinstance(node, SubnetNode) else None
        self._place_icon()
        self._title.setBrush(QBrush(self.style.header_text))
        self.setToolTip(
            f"{self.style.title}: {node.label}" + (f"\n{self.detail_text}" if self.detail_text else "")
        )
        self._apply_pen()
        width, height = getattr(node, "width", 100.0), getattr(node, "height", 100.0)
        self.set_size(width, height)
        if self.pos().x() != node.x or self.pos().y() != node.y:
            self.setPos(node.x, node.y)

    def set_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self.setRect(QRectF(0, 0, width, height))
        self._handle.setPos(width, height)
        self._layout_header()
        if self._badge is not None:
            self._badge.setPos(width - BADGE_SIZE - 6, 6)

    def minimum_size(self) -> tuple[float, float]:
        """A container may not shrink past its children (they would stick out) or its header."""
        width, height = styles.MIN_CONTAINER_WIDTH, styles.MIN_CONTAINER_HEIGHT
        for child in self.childItems():
            if hasattr(child, "node_id") and isinstance(child, QGraphicsRectItem):
                bounds = child.mapRectToParent(child.rect())
                width = max(width, bounds.right() + 8)
                height = max(height, bounds.bottom() + 8)
        return width, height

    def _place_icon(self) -> None:
        pixmap = resource_pixmap(self.style.icon, styles.HEADER_ICON_SIZE) if self.style.icon else None
        if pixmap is None:
            if self._icon is not None:
                self._icon.setVisible(False)
            return
        if self._icon is None:
            self._icon = QGraphicsPixmapItem(self)
            self._icon.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._icon.setPixmap(pixmap)
        self._icon.setPos(0, 0)
        self._icon.setVisible(True)

    def _layout_header(self) -> None:
        left = 8.0 + (styles.HEADER_ICON_SIZE if self._icon is not None and self._icon.isVisible() else 0)
        available = self.rect().width() - left - 10 - (BADGE_SIZE + 6 if self._badge is not None else 0)
        title_metrics = QFontMetricsF(self._title.font())
        detail_metrics = QFontMetricsF(self._detail.font())
        detail_width = detail_metrics.horizontalAdvance(self.detail_text) if self.detail_text else 0.0
        title_room = available - (detail_width + 10 if detail_width else 0)
        show_detail = bool(self.detail_text) and title_room >= min(
            60.0, title_metrics.horizontalAdvance(self.label)
        )
        if not show_detail:
            title_room = available
        title = title_metrics.elidedText(self.label, Qt.TextElideMode.ElideRight, max(title_room, 20.0))
        self._title.setText(title)  # plain text, never HTML
        top = (styles.HEADER_HEIGHT - 4 - title_metrics.height()) / 2
        self._title.setPos(left, max(top, 2.0))
        self._detail.setVisible(show_detail)
        if show_detail:
            self._detail.setText(self.detail_text)
            x = left + title_metrics.horizontalAdvance(title) + 10
            self._detail.setPos(x, max(top, 2.0) + (title_metrics.ascent() - detail_metrics.ascent()))

    def header_scene_rect(self) -> QRectF:
        """The header's icon and texts in scene coordinates: what a connection's caption must not cover."""
        text = self._detail if self._detail.isVisible() else self._title
        right = text.pos().x() + text.boundingRect().width() + 4
        return self.mapRectToScene(QRectF(0, 0, min(right, self.rect().width()), styles.HEADER_HEIGHT))

    def header_texts(self) -> tuple[str, str]:
        return self._title.text(), self._detail.text() if self._detail.isVisible() else ""

    def set_drop_highlight(self, allowed: bool | None) -> None:
        """Green when what is dragged may go here, red when it may not, None to clear."""
        if allowed == self._highlight:
            return
        self._highlight = allowed
        self._apply_pen()

    @property
    def drop_highlight(self) -> bool | None:
        return self._highlight

    def _apply_pen(self) -> None:
        if self._highlight is None:
            pen = styles.container_pen(self.style)
            if self.isSelected():
                pen = QPen(styles.SELECTION_COLOR, 2.5)
            self.setPen(pen)
            self.setBrush(QBrush(self.style.fill))
        else:
            self.setPen(styles.highlight_pen(self._highlight))
            self.setBrush(styles.highlight_brush(self._highlight))

    def set_findings(self, findings: Sequence[FindingLike]) -> None:
        if not findings:
            if self._badge is not None:
                if self._badge.scene() is not None:
                    self._badge.scene().removeItem(self._badge)
                self._badge = None
                self._layout_header()
            return
        if self._badge is None:
            self._badge = FindingBadge(findings, self)
            self._badge.setPos(self.rect().width() - BADGE_SIZE - 6, 6)
            self._layout_header()
        else:
            self._badge.set_findings(findings)

    @property
    def badge(self) -> FindingBadge | None:
        return self._badge

    def set_detail(self, level: int) -> None:
        """Headers stay readable at every zoom; only the CIDR goes when far out."""
        self._detail.setVisible(level > 0 and bool(self.detail_text) and self._detail.text() != "")

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # Containers are grabbed by their header; a press on the body falls through to the view,
        # which starts a rubber band there (as in other diagram editors).
        if event.pos().y() > styles.HEADER_HEIGHT and not self.isSelected():
            event.ignore()
            return
        super().mousePressEvent(event)

    def on_selected_changed(self, selected: bool) -> None:
        """Called by the scene. (No itemChange override: Qt would call into Python for every child added.)"""
        self._handle.setVisible(selected)
        self._apply_pen()


SOLID_BELOW_SCALE = 0.3


class DashedContainerItem(ContainerItem):
    """A region or availability zone: drawn with a dashed outline, stroked only where exposed. (Qt strokes a
    dashed outline dash by dash along its whole length even off screen: a region's border on a big design
    took a third of every frame. Solid outlines keep Qt's own paint, which needs no call into Python.)"""

    def __init__(self, node: AnyNode) -> None:
        super().__init__(node)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # paint gets exposedRect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Fill and outline, only where exposed."""
        exposed = option.exposedRect.adjusted(-4, -4, 4, 4)
        rect = self.rect()
        brush = self.brush()
        if brush.style() != Qt.BrushStyle.NoBrush and brush.color().alpha() > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(brush)
            painter.drawRect(rect.intersected(exposed))
        pen = QPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if pen.style() != Qt.PenStyle.SolidLine and painter.worldTransform().m11() < SOLID_BELOW_SCALE:
            pen.setStyle(Qt.PenStyle.SolidLine)  # dashes under a pixel long only cost time far out
        if pen.style() == Qt.PenStyle.SolidLine or exposed.contains(rect):
            painter.setPen(pen)
            painter.drawRect(rect)
            return
        travelled = 0.0  # along the outline, so the dashes stay put as the view scrolls
        corners = [rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft(), rect.topLeft()]
        for start, end in pairwise(corners):
            edge = QLineF(start, end)
            visible = clip_segment(edge, exposed)
            if visible is not None and visible.length() > 0:
                skipped = travelled + QLineF(start, visible.p1()).length()
                pen.setDashOffset(skipped / max(pen.widthF(), 1.0))
                painter.setPen(pen)
                painter.drawLine(visible)
            travelled += edge.length()


def container_item(node: AnyNode) -> ContainerItem:
    """The item for a container node: dashed for regions and availability zones."""
    return DashedContainerItem(node) if styles.container_style(node).dashed else ContainerItem(node)
