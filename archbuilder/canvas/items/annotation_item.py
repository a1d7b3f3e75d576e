"""A note, a callout or an actor on the canvas. A note is a pale sticky box of wrapped text; a callout a white
box with a leader line to the node it points at; an actor (users, the internet, a corporate data center) an
AWS icon with its name, with arrows to the services it reaches. Movable and selectable; double-click edits
the text (archbuilder.canvas.scene asks the view for it)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from archbuilder.canvas import styles
from archbuilder.canvas.icons import resource_pixmap
from archbuilder.model.annotations import Annotation

NOTE_FILL = QColor("#FFF4C2")
NOTE_BORDER = QColor("#D6B656")
CALLOUT_BORDER = QColor("#687078")
ACTOR_ICONS = {
    "users": "general/users.png",
    "internet": "general/internet-alt1.png",
    "corporate": "general/office-building.png",
}
FOLD = 12.0
_MOVABLE = (
    QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
)


class AnnotationItem(QGraphicsRectItem):
    def __init__(self, annotation: Annotation) -> None:
        super().__init__()
        self.annotation_id = annotation.id
        self.setFlags(_MOVABLE)
        self.setZValue(8)  # above services and connections: a note is read over what it explains
        self._target: QPointF | None = None
        self.update_from(annotation)

    def update_from(self, annotation: Annotation) -> None:
        self.annotation = annotation
        self.prepareGeometryChange()
        self.setRect(QRectF(0, 0, annotation.width, annotation.height))
        if self.pos() != QPointF(annotation.x, annotation.y):
            self.setPos(annotation.x, annotation.y)
        self.setToolTip(annotation.title)  # plain text: a tooltip without markup shows as typed
        self.update()

    def set_target(self, point: QPointF | None) -> None:
        """Where a callout's leader line ends (scene coordinates), or None."""
        self.prepareGeometryChange()
        self._target = point
        self.update()

    def text(self) -> str:
        return self.annotation.title

    def boundingRect(self) -> QRectF:
        rect = self.rect().adjusted(-2, -2, 2, 2)
        if self._target is not None and self.annotation.kind == "callout":
            rect = rect.united(
                QRectF(self.mapFromScene(self._target), self.mapFromScene(self._target)).adjusted(
                    -4, -4, 4, 4
                )
            )
        return rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        kind = self.annotation.kind
        rect = self.rect()
        selected = self.isSelected()
        if kind in ACTOR_ICONS:
            self._paint_actor(painter, rect)
        else:
            self._paint_box(painter, rect, kind)
        if selected:
            painter.setPen(QPen(styles.SELECTION_COLOR, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def _paint_box(self, painter: QPainter, rect: QRectF, kind: str) -> None:
        if kind == "callout" and self._target is not None:
            target = self.mapFromScene(self._target)
            start = QPointF(
                min(max(target.x(), rect.left()), rect.right()),
                min(max(target.y(), rect.top()), rect.bottom()),
            )
            painter.setPen(QPen(CALLOUT_BORDER, 1.2))
            painter.drawLine(QLineF(start, target))
            painter.setBrush(QBrush(CALLOUT_BORDER))
            painter.drawEllipse(target, 3, 3)
        if kind == "note":
            painter.setPen(QPen(NOTE_BORDER, 1))
            painter.setBrush(QBrush(NOTE_FILL))
            corner = QPolygonF(
                [
                    rect.topLeft(),
                    QPointF(rect.right() - FOLD, rect.top()),
                    QPointF(rect.right(), rect.top() + FOLD),
                    rect.bottomRight(),
                    rect.bottomLeft(),
                ]
            )
            painter.drawPolygon(corner)
        else:
            painter.setPen(QPen(CALLOUT_BORDER, 1.2))
            painter.setBrush(QBrush(QColor("white")))
            painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QPen(styles.TEXT_COLOR))
        painter.setFont(_font())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(
            rect.adjusted(8, 6, -8 - (FOLD if kind == "note" else 0), -6), int(flags), self.annotation.text
        )

    def _paint_actor(self, painter: QPainter, rect: QRectF) -> None:
        pixmap = resource_pixmap(ACTOR_ICONS[self.annotation.kind], styles.ICON_SIZE)
        left = rect.center().x() - styles.ICON_SIZE / 2
        if pixmap is not None:
            painter.drawPixmap(QPointF(left, rect.top() + 6), pixmap)
        painter.setPen(QPen(styles.TEXT_COLOR))
        painter.setFont(_font())
        text_rect = QRectF(rect.left() - 12, rect.top() + 6 + styles.ICON_SIZE + 4, rect.width() + 24, 30)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(text_rect, int(flags), self.annotation.title)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if scene is not None and hasattr(scene, "edit_annotation") and not self.annotation.is_actor:
            scene.edit_annotation(self)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def anchor_scene(self) -> tuple[float, float, float, float, float, float]:
        """Where an actor's arrows start (as a service's anchor: outline and the icon's centre)."""
        origin = self.scenePos()
        rect = self.rect()
        icon_left = origin.x() + rect.center().x() - styles.ICON_SIZE / 2
        top = origin.y() + 6
        return (
            icon_left,
            top,
            icon_left + styles.ICON_SIZE,
            top + styles.ICON_SIZE,
            icon_left + styles.ICON_SIZE / 2,
            top + styles.ICON_SIZE / 2,
        )

    def outline_scene(self) -> QRectF:
        return (
            self.sceneBoundingRect()
            if self.annotation.kind != "callout"
            else self.mapRectToScene(self.rect())
        )


_note_font: QFont | None = None


def _font() -> QFont:
    global _note_font
    if _note_font is None:
        _note_font = styles.label_font()
    return _note_font


def text_height(text: str, width: float) -> float:
    """The height a note's text needs at `width` (to size a new note to what it says)."""
    metrics = QFontMetricsF(_font())
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRectF(0, 0, width - 16, 10000), flags, text).height() + 12
