"""A multi-subnet service (ALB, Auto Scaling group, Multi-AZ database, ...) as drawn in one of its extra
subnets: the same icon and label, lighter and with a dashed outline, so that every AZ shows what runs in it.

A span item is derived from the model (its position is computed by `archbuilder.canvas.spans`, never saved);
pressing it selects the service it stands for."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsSceneMouseEvent

from archbuilder.canvas import styles
from archbuilder.canvas.icons import node_pixmap
from archbuilder.canvas.items.service_item import DETAIL_FULL, ICON_TOP, LabelLines, show_detail
from archbuilder.catalog import Catalog
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, ServiceNode

SPAN_ICON_OPACITY = 0.55
_OUTLINE = QColor("#7d8998")
_FILL = QBrush(QColor(255, 255, 255, 140))
_SELECTED_FILL = QBrush(QColor(9, 114, 211, 28))


class SpanItem(QGraphicsRectItem):
    """`service_id` drawn in the subnet `subnet_id` (the parent item); not selectable or movable itself."""

    def __init__(self, node: ServiceNode, subnet_id: str, catalog: Catalog, parent: QGraphicsItem) -> None:
        super().__init__(0, 0, SERVICE_WIDTH, SERVICE_HEIGHT, parent)
        self.service_id = node.id
        self.subnet_id = subnet_id
        self.type_id = node.type
        self.setZValue(4)  # under real services (5), above the subnet
        self._highlighted = False
        self._icon = QGraphicsPixmapItem(node_pixmap(node, styles.ICON_SIZE, catalog), self)
        self._icon.setPos((SERVICE_WIDTH - styles.ICON_SIZE) / 2, ICON_TOP)
        self._icon.setOpacity(SPAN_ICON_OPACITY)
        self._lines = LabelLines(self, styles.MUTED_TEXT_COLOR)
        self._detail = DETAIL_FULL
        self.set_label(node.label)
        self._apply_look()

    def set_label(self, text: str) -> None:
        self.label = text
        self._lines.set_text(text, self._detail == DETAIL_FULL)
        # The outline holds the label too when it runs past the footprint (labels may, by up to 12 px a side).
        self.setRect(self._lines.extent.adjusted(-2, 0, 2, 0))

    def outline_scene(self) -> QRectF:
        return self.sceneBoundingRect()

    def label_lines(self) -> list[str]:
        return self._lines.texts()

    def tooltip_text(self) -> str:
        return f"{self.label}\n{self.type_id}\nAlso runs in this subnet (click to select the service)"

    def set_highlighted(self, highlighted: bool) -> None:
        """Drawn as selected while the service it stands for is selected."""
        if highlighted != self._highlighted:
            self._highlighted = highlighted
            self._apply_look()

    @property
    def highlighted(self) -> bool:
        return self._highlighted

    def set_detail(self, level: int) -> None:
        if level == self._detail:
            return
        self._detail = level
        show_detail(self._lines, self._icon, level)

    def _apply_look(self) -> None:
        colour = styles.SELECTION_COLOR if self._highlighted else _OUTLINE
        pen = QPen(colour, 2.0 if self._highlighted else 1.2, Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setBrush(_SELECTED_FILL if self._highlighted else _FILL)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if event.button() == Qt.MouseButton.LeftButton and hasattr(scene, "select_from_span"):
            additive = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            scene.select_from_span(self, additive)
            event.accept()
            return
        super().mousePressEvent(event)
