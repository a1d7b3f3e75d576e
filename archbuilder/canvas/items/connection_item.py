"""A connection on the canvas: an orthogonal route (horizontal and vertical segments with rounded bends) from
one service to another, styled by connection kind, with an arrowhead, a caption, and handles on its bends
when selected (dragging one bends the route through that point; archbuilder.canvas.routes)."""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from archbuilder.canvas import styles
from archbuilder.canvas.items.service_item import shared_label_font
from archbuilder.catalog import ConnectionKind
from archbuilder.model.connections import Connection

ARROW_LENGTH = 11.0
ARROW_HALF_WIDTH = 5.0
CORNER = 8.0  # radius of a rounded bend
PAD = 8.0  # around the line and its head: pen width, antialiasing, the arrowhead's half width
SLACK = 48.0  # room a moving line has before its bounding box (and the scene's index) must change
SLACK_AREA = 4 * SLACK * SLACK * 4
STRIP = 96.0  # length of the boxes repainted along a moved line
HANDLE_RADIUS = 5.0

_DASHED = {ConnectionKind.EVENT, ConnectionKind.POLL, ConnectionKind.SUBSCRIBE, ConnectionKind.LOGS}
_DOTTED = {ConnectionKind.ATTACH, ConnectionKind.DNS, ConnectionKind.DEPLOY, ConnectionKind.REPLICATE}


def connection_caption(connection: Connection) -> str:
    text = connection.label or connection.kind.value.replace("_", " ")
    if connection.port is not None:
        text += f" :{connection.port}"
    return text


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


def _pieces(points: list[QPointF]) -> tuple[list[QLineF], list[tuple[QPointF, QPointF, QPointF]]]:
    """The straight pieces of a route (each bend cut back by the corner radius) and its corners (start,
    control, end of a quadratic curve)."""
    lines: list[QLineF] = []
    corners: list[tuple[QPointF, QPointF, QPointF]] = []
    current = points[0]
    for before, corner, after in zip(points, points[1:], points[2:], strict=False):
        radius = min(CORNER, QLineF(before, corner).length() / 2, QLineF(corner, after).length() / 2)
        into = QLineF(corner, before)
        out = QLineF(corner, after)
        start = into.pointAt(radius / into.length()) if into.length() else corner
        end = out.pointAt(radius / out.length()) if out.length() else corner
        lines.append(QLineF(current, start))
        corners.append((start, corner, end))
        current = end
    lines.append(QLineF(current, points[-1]))
    return lines, corners


class BendHandle(QGraphicsEllipseItem):
    """A bend of a selected connection: drag it to route the connection through another point."""

    def __init__(self, owner: ConnectionItem, index: int, at: QPointF) -> None:
        super().__init__(-HANDLE_RADIUS, -HANDLE_RADIUS, 2 * HANDLE_RADIUS, 2 * HANDLE_RADIUS, owner)
        self.index = index
        self.setPos(at)
        self.setBrush(QBrush(QColor("white")))
        self.setPen(QPen(styles.SELECTION_COLOR, 1.5))
        self.setZValue(20)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setToolTip("Drag to bend the connection through another point")

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept() if event.button() == Qt.MouseButton.LeftButton else event.ignore()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.setPos(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        owner = self.parentItem()
        scene = self.scene()
        if isinstance(owner, ConnectionItem) and scene is not None and hasattr(scene, "bend_moved"):
            scene.bend_moved(owner, self.index, event.scenePos())


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
        self._handles: list[BendHandle] = []
        self._points: list[QPointF] = []
        self._lines: list[QLineF] = []
        self._corners: list[tuple[QPointF, QPointF, QPointF]] = []
        self.fully_routed = False  # searched around what lies between (not only a quick drag route)
        self.update_from(connection)

    def update_from(self, connection: Connection) -> None:
        self.kind = connection.kind
        self.caption = connection_caption(connection)
        self.stored_bends = connection.bends  # relative to the connection's frame (model/bends.py)
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

    def set_route(self, points: list[tuple[float, float]], shown: QRectF | None = None) -> None:
        """Draw the connection along these points (scene coordinates, first on the source's outline, last
        the arrow's tip). `shown` is the part of the scene the views show, if the caller knows it (a drag
        re-routes many connections per frame)."""
        if not self.pos().isNull():
            self.setPos(QPointF())  # it rode along with a dragged container (ride): back at the origin
        route = [QPointF(x, y) for x, y in points]
        if len(route) < 2:
            route = [route[0], route[0]] if route else [QPointF(), QPointF()]
        old_lines, old_head = self._lines, self._head
        self._points = route
        self._lines, self._corners = _pieces(route)
        self._head = _arrow_head(route[-2], route[-1])
        self._hit_shape = None  # made when a hit test first needs it
        self._refresh_handles()
        xs, ys = [p.x() for p in route], [p.y() for p in route]
        needed = QRectF(
            min(xs) - PAD, min(ys) - PAD, max(xs) - min(xs) + 2 * PAD, max(ys) - min(ys) + 2 * PAD
        )
        bounds = self._bounds
        if (
            not bounds.isEmpty()
            and bounds.contains(needed)
            and bounds.width() * bounds.height() <= 4 * needed.width() * needed.height() + SLACK_AREA
        ):
            # Same geometry: only the strips along the old and the new route need repainting. A moved long
            # edge otherwise dirtied its whole bounding box, often the whole view, and re-filed it in the
            # scene's index on every frame of a drag.
            if bounds.width() <= STRIP * 3 and bounds.height() <= STRIP * 3:
                self.update()  # short: one box is cheaper than strips
            else:
                for line in old_lines + self._lines:
                    self._update_along(line, shown)
                for head in (old_head, self._head):
                    if not head.isEmpty():
                        self.update(head.boundingRect().adjusted(-PAD, -PAD, PAD, PAD))
        else:
            self.prepareGeometryChange()
            self._bounds = needed.adjusted(-SLACK, -SLACK, SLACK, SLACK)
            path = QPainterPath()
            path.addRect(self._bounds)
            self.setPath(path)
        self.set_label_center(None)  # the scene places the caption again (archbuilder.canvas.captions)

    def _update_along(self, line: QLineF, shown: QRectF | None) -> None:
        """Schedule repaints of small boxes along the shown part of `line`."""
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

    _show_label = True
    _head = QPolygonF()
    _bounds = QRectF()

    # ------------------------------------------------------------------ the route

    def ride(self, offset: QPointF) -> None:
        """Draw the route moved by `offset` as a whole (both ends inside a container being dragged by it), until
        the next `set_route`."""
        if self.pos() != offset:
            self.setPos(offset)

    def points(self) -> list[QPointF]:
        """The route, in scene coordinates: source outline, bends, arrow tip (the item sits at the origin, or
        where it rode to)."""
        offset = self.pos()
        return list(self._points) if offset.isNull() else [p + offset for p in self._points]

    def route_tuples(self) -> list[tuple[float, float]]:
        return [(p.x(), p.y()) for p in self.points()]

    def bends(self) -> list[QPointF]:
        return list(self._points[1:-1])

    def handles(self) -> list[BendHandle]:
        return list(self._handles)

    def _refresh_handles(self) -> None:
        """Handles on the bends while the connection is selected."""
        for handle in self._handles:
            if handle.scene() is not None:
                handle.scene().removeItem(handle)
            handle.setParentItem(None)  # type: ignore[arg-type]
        self._handles = []
        if self.isSelected():
            self._handles = [BendHandle(self, index, point) for index, point in enumerate(self.bends())]

    # ------------------------------------------------------------------ the caption

    def label_size(self) -> QSizeF:
        return QSizeF(self._label_size)

    def label_fits(self) -> bool:
        """Whether the caption fits along the route's longest segment."""
        longest = max((line.length() for line in self._lines), default=0.0)
        return longest + 2 * CORNER > self._label_size.width() + 2 * ARROW_LENGTH or len(self._points) > 2

    def middle(self) -> QPointF:
        """The middle of the route's longest segment (where a caption rides during a drag)."""
        longest = max(pairwise(self._points), key=lambda pair: QLineF(*pair).length())
        return QLineF(*longest).center()

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
            drawn = QPainterPath(self._points[0])
            for point in self._points[1:]:
                drawn.lineTo(point)
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
        # big design would dominate every frame. So only the exposed parts of the route are stroked.
        pen = self._pen
        exposed = option.exposedRect.adjusted(-4, -4, 4, 4)
        dashed = pen.style() != Qt.PenStyle.SolidLine
        travelled = 0.0
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for index, line in enumerate(self._lines):
            visible = clip_segment(line, exposed)
            if visible is not None:
                if dashed:  # keep the dashes still while the view scrolls
                    pen = QPen(self._pen)
                    skipped = travelled + QLineF(line.p1(), visible.p1()).length()
                    pen.setDashOffset(skipped / max(pen.widthF(), 1.0))
                painter.setPen(pen)
                painter.drawLine(visible)
            travelled += line.length()
            if index < len(self._corners):
                start, control, end = self._corners[index]
                if exposed.intersects(QRectF(start, end).normalized().adjusted(-2, -2, 2, 2)):
                    curve = QPainterPath(start)
                    curve.quadTo(control, end)
                    painter.setPen(pen)
                    painter.drawPath(curve)
                travelled += QLineF(start, end).length()
        if not self._head.isEmpty() and exposed.intersects(self._head.boundingRect()):
            painter.setPen(QPen(self._pen.color(), self._pen.widthF()))
            painter.setBrush(self._head_brush)
            painter.drawPolygon(self._head)

    def on_selected_changed(self, selected: bool) -> None:
        self._apply_pen()
        self._refresh_handles()


def _arrow_head(before: QPointF, tip: QPointF) -> QPolygonF:
    dx, dy = tip.x() - before.x(), tip.y() - before.y()
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return QPolygonF()
    ux, uy = dx / length, dy / length
    size = min(ARROW_LENGTH, length)
    bx, by = tip.x() - ux * size, tip.y() - uy * size
    nx, ny = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return QPolygonF([tip, QPointF(bx + nx, by + ny), QPointF(bx - nx, by - ny), tip])
