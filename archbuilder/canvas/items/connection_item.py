"""An arrow from one service to another that follows its ends, styled by connection kind, with a label."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from archbuilder.canvas import styles
from archbuilder.canvas.items.service_item import Anchor, shared_label_font
from archbuilder.catalog import ConnectionKind
from archbuilder.model.connections import Connection

ARROW_LENGTH = 11.0
ARROW_HALF_WIDTH = 5.0
END_GAP = 4.0  # space between the arrow tip and the icon
PAD = 8.0  # around the line and its head: pen width, antialiasing, the arrowhead's half width
SLACK = 48.0  # room a moving line has before its bounding box (and the scene's index) must change
SLACK_AREA = 4 * SLACK * SLACK * 4
STRIP = 96.0  # length of the boxes repainted along a moved line

_DASHED = {ConnectionKind.EVENT, ConnectionKind.POLL, ConnectionKind.SUBSCRIBE, ConnectionKind.LOGS}
_DOTTED = {ConnectionKind.ATTACH, ConnectionKind.DNS, ConnectionKind.DEPLOY, ConnectionKind.REPLICATE}


def connection_caption(connection: Connection) -> str:
    text = connection.label or connection.kind.value.replace("_", " ")
    if connection.port is not None:
        text += f" :{connection.port}"
    return text


def _leave(anchor: Anchor, toward_x: float, toward_y: float, gap: float = END_GAP) -> tuple[float, float]:
    """Where the ray from the anchor's aimed-at point toward a point leaves its outline, plus a gap."""
    left, top, right, bottom, cx, cy = anchor
    dx, dy = toward_x - cx, toward_y - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = 1.0
    if dx:
        scale = min(scale, ((right + gap if dx > 0 else left - gap) - cx) / dx)
    if dy:
        scale = min(scale, ((bottom + gap if dy > 0 else top - gap) - cy) / dy)
    scale = max(0.0, scale)
    return cx + dx * scale, cy + dy * scale


def clip_segment(line: QLineF, rect: QRectF) -> QLineF | None:
    """The part of `line` inside `rect` (Liang-Barsky), or None when it misses the rect."""
    x0, y0, dx, dy = line.x1(), line.y1(), line.dx(), line.dy()
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - rect.left()),
        (dx, rect.right() - x0),
        (-dy, y0 - rect.top()),
        (dy, rect.bottom() - y0),
    ):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return QLineF(x0 + low * dx, y0 + low * dy, x0 + high * dx, y0 + high * dy)


# Selectable; paint() gets the exposed rect (it strokes only the exposed part of the line).
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
)
_caption_sizes: dict[str, QSizeF] = {}
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_strokes: dict[tuple[ConnectionKind, bool], tuple[QPen, QBrush]] = {}


def _stroke(kind: ConnectionKind, selected: bool) -> tuple[QPen, QBrush]:
    """Pen of the line and brush of the head for a kind of connection, made once per kind."""
    key = (kind, selected)
    cached = _strokes.get(key)
    if cached is None:
        colour = styles.SELECTION_COLOR if selected else styles.CONNECTION_COLOR
        pen = QPen(colour, 2.5 if selected else 1.5)
        if kind in _DASHED:
            pen.setStyle(Qt.PenStyle.DashLine)
        elif kind in _DOTTED:
            pen.setStyle(Qt.PenStyle.DotLine)
        cached = _strokes[key] = (pen, QBrush(colour))
    return cached


def _caption_size(caption: str) -> QSizeF:
    """The caption box's size, measured once per distinct caption (most are 'traffic', 'read', ...)."""
    size = _caption_sizes.get(caption)
    if size is None:
        metrics = shared_label_font()[1]
        size = QSizeF(metrics.horizontalAdvance(caption) + 4, metrics.height() + 2)
        if len(_caption_sizes) > 5000:
            _caption_sizes.clear()
        _caption_sizes[caption] = size
    return size


class ConnectionItem(QGraphicsPathItem):
    def __init__(self, connection: Connection) -> None:
        super().__init__()
        self.connection_id = connection.id
        self.source_id = connection.source_id
        self.target_id = connection.target_id
        self.setZValue(1)
        self.setFlags(_FLAGS)
        self.setPen(_NO_PEN)
        # The caption's items are made when it is first placed (the scene places captions where they are
        # seen): two fewer items per connection while building a big design.
        self._label_box: QGraphicsRectItem | None = None
        self._label: QGraphicsSimpleTextItem | None = None
        self._label_size = QSizeF()
        self._label_center: QPointF | None = None
        self._hit_shape: QPainterPath | None = None
        self.update_from(connection)

    def update_from(self, connection: Connection) -> None:
        self.kind = connection.kind
        self.caption = connection_caption(connection)
        self._label_size = _caption_size(self.caption)
        if self._label is not None and self._label_box is not None:
            self._label.setText(self.caption)  # plain text, never HTML
            self._label_box.setRect(QRectF(QPointF(), self._label_size))
        self._ends = f"{connection.source_id} → {connection.target_id}"
        self._apply_pen()

    def _apply_pen(self) -> None:
        # The item itself has no pen, so that Qt takes its bounding rect from the path (a padded box kept
        # while the line moves inside it) instead of calling shape(); paint() strokes with this pen.
        self._pen, self._head_brush = _stroke(self.kind, self.isSelected())
        self.update()

    def stroke_pen(self) -> QPen:
        return QPen(self._pen)

    def update_geometry(self, source: Anchor, target: Anchor, shown: QRectF | None = None) -> None:
        """Route a straight arrow between two services, each given as its anchor (outline left, top, right,
        bottom and the point aimed at, in scene coordinates): the line joins the aimed-at points and stops
        at the outlines. `shown` is the part of the scene the views show, if the caller knows it (a drag
        re-routes many connections per frame)."""
        sx, sy = _leave(source, target[4], target[5])
        ex, ey = _leave(target, source[4], source[5])
        line = QLineF(sx, sy, ex, ey)
        dx, dy = ex - sx, ey - sy
        length = math.hypot(dx, dy)
        if length > ARROW_LENGTH:
            ux, uy = dx / length, dy / length
            bx, by = ex - ux * ARROW_LENGTH, ey - uy * ARROW_LENGTH
            nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
            end = QPointF(ex, ey)
            head = QPolygonF([end, QPointF(bx + nx, by + ny), QPointF(bx - nx, by - ny), end])
        else:
            head = QPolygonF()
        old_line, old_head = self._line, self._head
        self._line, self._head = line, head
        self._hit_shape = None  # made when a hit test first needs it
        needed = QRectF(min(sx, ex) - PAD, min(sy, ey) - PAD, abs(dx) + 2 * PAD, abs(dy) + 2 * PAD)
        bounds = self._bounds
        if (
            not bounds.isEmpty()
            and bounds.contains(needed)
            and bounds.width() * bounds.height() <= 4 * needed.width() * needed.height() + SLACK_AREA
        ):
            # Same geometry: only the strips along the old and the new line need repainting. A moved long
            # edge otherwise dirtied its whole bounding box, often the whole view, and re-filed it in the
            # scene's index on every frame of a drag.
            if bounds.width() <= STRIP * 3 and bounds.height() <= STRIP * 3:
                self.update()  # short: one box is cheaper than strips
            else:
                self._update_along(old_line, old_head, shown)
                self._update_along(line, head, shown)
        else:
            self.prepareGeometryChange()
            self._bounds = needed.adjusted(-SLACK, -SLACK, SLACK, SLACK)
            path = QPainterPath()
            path.addRect(self._bounds)
            self.setPath(path)
        self.set_label_center(None)  # the scene places the caption again (archbuilder.canvas.labels)

    def _update_along(self, line: QLineF, head: QPolygonF, shown: QRectF | None) -> None:
        """Schedule repaints of small boxes along the shown part of `line` and around its head."""
        scene = self.scene()
        if scene is None:
            return
        areas = (
            [shown]
            if shown is not None
            else [view.mapToScene(view.viewport().rect()).boundingRect() for view in scene.views()]
        )
        for area in areas:
            visible = clip_segment(line, area.adjusted(-PAD, -PAD, PAD, PAD))
            if visible is None:
                continue
            pieces = max(1, int(visible.length() // STRIP))
            dx, dy = visible.dx() / pieces, visible.dy() / pieces
            x, y = visible.x1(), visible.y1()
            for _ in range(pieces):
                self.update(
                    QRectF(QPointF(x, y), QPointF(x + dx, y + dy)).normalized().adjusted(-PAD, -PAD, PAD, PAD)
                )
                x, y = x + dx, y + dy
        if not head.isEmpty():
            self.update(head.boundingRect().adjusted(-PAD, -PAD, PAD, PAD))

    _show_label = True
    _line = QLineF()
    _head = QPolygonF()
    _bounds = QRectF()

    # ------------------------------------------------------------------ the caption

    def line(self) -> QLineF:
        """The drawn segment, in scene coordinates (the item sits at the origin)."""
        return QLineF(self._line)

    def label_size(self) -> QSizeF:
        return QSizeF(self._label_size)

    def label_fits(self) -> bool:
        """Whether the caption fits along the line between the arrow's ends."""
        return self._line.length() > self._label_size.width() + 2 * ARROW_LENGTH

    def set_label_center(self, center: QPointF | None) -> None:
        """Put the caption's box centred on `center` (scene coordinates); None hides it until placed."""
        self._label_center = center
        if center is None:
            if self._label_box is not None:
                self._label_box.setVisible(False)
            return
        if self._label_box is None:
            self._label_box = QGraphicsRectItem(QRectF(QPointF(), self._label_size), self)
            self._label_box.setBrush(QBrush(QColor(255, 255, 255, 225)))
            self._label_box.setPen(Qt.PenStyle.NoPen)
            self._label = QGraphicsSimpleTextItem(self.caption, self._label_box)  # plain text, never HTML
            self._label.setFont(shared_label_font()[0])
            self._label.setBrush(QBrush(styles.MUTED_TEXT_COLOR))
            self._label.setPos(2, 1)
        size = self._label_size
        self._label_box.setPos(center.x() - size.width() / 2, center.y() - size.height() / 2)
        self._label_box.setVisible(self._show_label)

    def label_placed(self) -> bool:
        return self._label_center is not None

    def label_scene_rect(self) -> QRectF | None:
        """The caption's box in scene coordinates while it is shown."""
        if self._label_box is None or not self._label_box.isVisible():
            return None
        return self._label_box.sceneBoundingRect()

    def set_detail(self, level: int) -> None:
        """Labels only at full detail; far out (flat tiles) the arrows go too: thousands of lines a few
        pixels long say nothing and cost most of a zoomed-out repaint."""
        self._show_label = level >= 2
        if self._label_box is not None:
            self._label_box.setVisible(self._show_label and self._label_center is not None)
        self.setVisible(level > 0)

    def tooltip_text(self) -> str:
        """Shown by the scene's help event (no per-item setToolTip: it costs at build time for thousands)."""
        return f"{self._ends}\n{self.caption}"

    def label_text(self) -> str:
        return self.caption

    def shape(self) -> QPainterPath:
        if self._hit_shape is None:
            drawn = QPainterPath(self._line.p1())
            drawn.lineTo(self._line.p2())
            if not self._head.isEmpty():
                drawn.addPolygon(self._head)
                drawn.closeSubpath()
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._hit_shape = stroker.createStroke(drawn)
        return self._hit_shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Antialiased strokes cost time along their whole length, even off screen; a long edge across a
        # big design would dominate every frame. So only the exposed part of the line is stroked.
        pen = self._pen
        exposed = option.exposedRect.adjusted(-4, -4, 4, 4)
        visible = clip_segment(self._line, exposed)
        if visible is not None:
            if pen.style() != Qt.PenStyle.SolidLine:  # keep the dashes still while the view scrolls
                pen = QPen(pen)
                skipped = QLineF(self._line.p1(), visible.p1()).length()
                pen.setDashOffset(skipped / max(pen.widthF(), 1.0))
            painter.setPen(pen)
            painter.drawLine(visible)
        if not self._head.isEmpty() and exposed.intersects(self._head.boundingRect()):
            painter.setPen(QPen(pen.color(), pen.widthF()))
            painter.setBrush(self._head_brush)
            painter.drawPolygon(self._head)

    def on_selected_changed(self, selected: bool) -> None:
        self._apply_pen()
