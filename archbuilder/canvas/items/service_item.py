"""A service on the canvas: icon and label as C++ child items (cheap to paint), a connect handle, a badge."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
)

from archbuilder.canvas import styles
from archbuilder.canvas.icons import node_pixmap
from archbuilder.canvas.items.finding_badge import BADGE_SIZE, FindingBadge, FindingLike
from archbuilder.catalog import Catalog
from archbuilder.catalog.generic_types import type_name
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, ServiceNode

ICON_TOP = 6.0
LABEL_TOP = ICON_TOP + styles.ICON_SIZE + 4.0
DETAIL_FULL, DETAIL_ICONS, DETAIL_TILES = 2, 1, 0
Anchor = tuple[float, float, float, float, float, float]  # outline left, top, right, bottom; aim x, y


def wrap_label(text: str, metrics: QFontMetricsF, width: float, max_lines: int = 2) -> list[str]:
    """Break `text` at spaces into at most `max_lines` lines of `width`; the last line is elided."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
            continue
        lines.append(current)
        if len(lines) == max_lines - 1:
            current = " ".join(words[index:])
            break
        current = word
    if current or not lines:
        lines.append(current)
    lines = lines[:max_lines]
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


_label_font: QFont | None = None
_label_metrics: QFontMetricsF | None = None
_wrapped: dict[str, list[tuple[str, float]]] = {}


def shared_label_font() -> tuple[QFont, QFontMetricsF]:
    """One label font and its metrics for every item (made on first use: fonts need the application)."""
    global _label_font, _label_metrics
    if _label_font is None or _label_metrics is None:
        _label_font = styles.label_font()
        _label_metrics = QFontMetricsF(_label_font)
    return _label_font, _label_metrics


@cache
def _line_height() -> float:
    return shared_label_font()[1].height()


def _label_layout(text: str) -> list[tuple[str, float]]:
    """The wrapped lines of a label with their widths, each distinct text wrapped once (building thousands of
    items spent much of its time measuring the same kind of text again)."""
    cached = _wrapped.get(text)
    if cached is None:
        metrics = shared_label_font()[1]
        cached = [
            (line, metrics.horizontalAdvance(line)) for line in wrap_label(text, metrics, styles.LABEL_WIDTH)
        ]
        if len(_wrapped) > 20000:
            _wrapped.clear()
        _wrapped[text] = cached
    return cached


class LabelLines:
    """The centred, wrapped label under a service icon, as plain-text child items of `owner`.

    With `deferred`, the text items are made only by `realize()`: the scene of a big design makes them as
    services come into view at full detail (laying out thousands of texts was most of building it). The
    lines and the extent are known without them."""

    def __init__(self, owner: QGraphicsItem, colour: QColor) -> None:
        self._owner = owner
        self._colour = colour
        self._items: list[QGraphicsSimpleTextItem] = []
        self._layout: list[tuple[str, float]] = []
        self._visible = True
        self.realized = False
        self.extent = QRectF(0, 0, SERVICE_WIDTH, SERVICE_HEIGHT)  # footprint and label, owner coordinates

    def set_text(self, text: str, visible: bool, deferred: bool = False) -> None:
        self._layout = _label_layout(text)
        self._visible = visible
        height = shared_label_font()[1].height()
        widest = max((width for _text, width in self._layout), default=0.0)
        left = min(0.0, (SERVICE_WIDTH - widest) / 2)
        bottom = max(SERVICE_HEIGHT, LABEL_TOP + len(self._layout) * height)
        extent = QRectF(left, 0, SERVICE_WIDTH - 2 * left, bottom)
        self.extent = extent
        for line in self._items:
            _discard(line)
        self._items = []
        self.realized = False
        if not deferred:
            self.realize()

    def realize(self) -> None:
        """Make the text items (once)."""
        if self.realized:
            return
        self.realized = True
        font, metrics = shared_label_font()
        brush = QBrush(self._colour)
        for index, (line_text, width) in enumerate(self._layout):
            line = QGraphicsSimpleTextItem(line_text, self._owner)  # plain text, never HTML
            line.setFont(font)
            line.setBrush(brush)
            line.setPos((SERVICE_WIDTH - width) / 2, LABEL_TOP + index * metrics.height())
            if not self._visible:
                line.setVisible(False)
            self._items.append(line)

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        for line in self._items:
            line.setVisible(visible)

    def texts(self) -> list[str]:
        return [line_text for line_text, _width in self._layout]

    def __getitem__(self, index: int) -> QGraphicsSimpleTextItem:
        self.realize()
        return self._items[index]

    def bottom(self) -> float:
        """Where the label ends, in the owner's coordinates (the icon's bottom without a label)."""
        if not self._layout:
            return ICON_TOP + styles.ICON_SIZE
        return LABEL_TOP + len(self._layout) * _line_height()


def show_detail(lines: LabelLines, icon: QGraphicsPixmapItem, level: int) -> None:
    """What an icon-and-label item shows at a level of detail: its label only at full detail, its icon until
    it gives way to a flat tile far out (services and their span copies in other subnets zoom alike)."""
    lines.set_visible(level == DETAIL_FULL)
    icon.setVisible(level != DETAIL_TILES)


class ConnectHandle(QGraphicsEllipseItem):
    """The dot on a service's right edge: drag from it to another service to connect them."""

    def __init__(self, parent: ServiceItem) -> None:
        r = styles.CONNECT_HANDLE_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r, parent)
        self.setPos(SERVICE_WIDTH, SERVICE_HEIGHT / 2 - 14)
        self.setBrush(QBrush(styles.SELECTION_COLOR))
        self.setPen(QPen(QColor("white"), 1.5))
        self.setZValue(15)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Drag to another service to connect")
        self.setVisible(False)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if event.button() == Qt.MouseButton.LeftButton and hasattr(scene, "connect_gesture"):
            scene.connect_gesture.begin(self.parentItem(), event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene().connect_gesture.update(event.scenePos())  # type: ignore[attr-defined]

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.scene().connect_gesture.finish(event.scenePos())  # type: ignore[attr-defined]


# Shared by every item (looked up once: building thousands of items spent time on enum lookups and brushes).
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_MOVABLE_SELECTABLE = (
    QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
)
_SMOOTH = Qt.TransformationMode.SmoothTransformation
_ICON_POS = QPointF((SERVICE_WIDTH - styles.ICON_SIZE) / 2, ICON_TOP)
_SELECTED_BRUSH = QBrush(QColor(9, 114, 211, 28))
_tile_brushes: dict[str, QBrush] = {}


def _tile_brush(type_id: str, catalog: Catalog) -> QBrush:
    """The flat tile colour of a service type far out (its catalog category's colour)."""
    brush = _tile_brushes.get(type_id)
    if brush is None:
        service = catalog.find(type_id)
        category = service.category.value if service is not None else "other"
        brush = QBrush(styles.CATEGORY_COLORS.get(category, styles.CATEGORY_COLORS["other"]))
        _tile_brushes[type_id] = brush
    return brush


class ServiceItem(QGraphicsRectItem):
    def __init__(self, node: ServiceNode, catalog: Catalog, *, defer_label: bool = False) -> None:
        super().__init__(0, 0, SERVICE_WIDTH, SERVICE_HEIGHT)
        self.node_id = node.id
        self.type_id = node.type
        self._tile_brush = _tile_brush(node.type, catalog)
        self.setPen(_NO_PEN)
        self.setZValue(5)  # above sibling containers, so a service dropped on a subnet stays visible
        self.setFlags(_MOVABLE_SELECTABLE)
        self.setAcceptHoverEvents(True)
        self._icon = QGraphicsPixmapItem(node_pixmap(node, styles.ICON_SIZE, catalog), self)
        self._icon.setPos(_ICON_POS)
        self._icon.setTransformationMode(_SMOOTH)
        self._lines = LabelLines(self, styles.TEXT_COLOR)
        self._handle: ConnectHandle | None = None  # made on first hover or selection: most never need one
        self._badge: FindingBadge | None = None
        self._detail = DETAIL_FULL
        self.label = node.label
        # A generic resource says what it is (its type id, "generic", would not).
        self.kind_text = (
            type_name(catalog, node.type, node.properties) if node.type == "generic" else node.type
        )
        self._lines.set_text(node.label, True, deferred=defer_label)
        self.setPos(node.x, node.y)

    # ------------------------------------------------------------------ content

    def set_label(self, text: str) -> None:
        self.label = text
        self._lines.set_text(text, self._detail == DETAIL_FULL, deferred=not self._lines.realized)

    @property
    def label_realized(self) -> bool:
        return self._lines.realized

    def realize_label(self) -> None:
        self._lines.realize()

    def label_lines(self) -> list[str]:
        return self._lines.texts()

    def tile_brush(self) -> QBrush:
        """The flat colour of the service's category (far out, and in the minimap)."""
        return self._tile_brush

    def outline_scene(self) -> QRectF:
        """Footprint and label in scene coordinates: what a connection's caption must not cover."""
        return self._lines.extent.translated(self.scenePos())

    def tooltip_text(self) -> str:
        """Shown by the scene's help event (no per-item setToolTip: it costs at build time for thousands)."""
        cost = getattr(self.scene(), "cost_texts", {}).get(self.node_id, "")
        return f"{self.label}\n{self.kind_text}" + (f"\n{cost}" if cost else "")

    def set_findings(self, findings: Sequence[FindingLike]) -> None:
        if not findings:
            if self._badge is not None:
                _discard(self._badge)
                self._badge = None
            return
        if self._badge is None:
            self._badge = FindingBadge(findings, self)
            self._badge.setPos(SERVICE_WIDTH / 2 + styles.ICON_SIZE / 2 - BADGE_SIZE / 2, 0)
            self._badge.set_show_count(self._detail == DETAIL_FULL)
        else:
            self._badge.set_findings(findings)

    @property
    def badge(self) -> FindingBadge | None:
        return self._badge

    def set_detail(self, level: int) -> None:
        """Level of detail: labels only at full detail; icons give way to flat tiles when far out."""
        if level == self._detail:
            return
        self._detail = level
        show_detail(self._lines, self._icon, level)
        if self._badge is not None:
            self._badge.set_show_count(level == DETAIL_FULL)
        self._apply_brush()

    def anchor_scene(self) -> Anchor:
        """Where connections attach, in scene coordinates: they aim at the icon's centre and stop at the
        outline of icon plus label (left, top, right, bottom), so an arrow leaving downwards does not cross
        the label. Plain numbers: a drag re-routes many connections per frame."""
        origin = self.scenePos()
        x, y = origin.x(), origin.y()
        left = x + (SERVICE_WIDTH - styles.ICON_SIZE) / 2
        bottom = y + (self._lines.bottom() if self._detail == DETAIL_FULL else ICON_TOP + styles.ICON_SIZE)
        return (
            left,
            y + ICON_TOP,
            left + styles.ICON_SIZE,
            bottom,
            x + SERVICE_WIDTH / 2,
            y + ICON_TOP + styles.ICON_SIZE / 2,
        )

    def connect_handle(self) -> ConnectHandle:
        if self._handle is None:
            self._handle = ConnectHandle(self)
        return self._handle

    def _show_handle(self, visible: bool) -> None:
        if visible:
            self.connect_handle().setVisible(True)
        elif self._handle is not None:
            self._handle.setVisible(False)

    # ------------------------------------------------------------------ Qt overrides

    def on_selected_changed(self, selected: bool) -> None:
        """Called by the scene. (No itemChange override: Qt would call into Python for every child added.)"""
        self._apply_brush()
        self._show_handle(selected)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._show_handle(True)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._show_handle(self.isSelected())
        super().hoverLeaveEvent(event)

    def _apply_brush(self) -> None:
        if self._detail == DETAIL_TILES:
            self.setBrush(self._tile_brush)
        elif self.isSelected():
            self.setBrush(_SELECTED_BRUSH)
        else:
            self.setBrush(Qt.BrushStyle.NoBrush)

    def center_scene(self) -> QPointF:
        return self.mapToScene(SERVICE_WIDTH / 2, SERVICE_HEIGHT / 2)


def _discard(item: QGraphicsItem) -> None:
    scene = item.scene()
    if scene is not None:
        scene.removeItem(item)
    item.setParentItem(None)  # type: ignore[arg-type]  # None makes it top-level
