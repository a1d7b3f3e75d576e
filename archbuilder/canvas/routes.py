"""Connection routes on the canvas, searched around services and container headers by the same router the
exports use (archbuilder.drawing.routing), through the bend points the user dragged.

A full search costs milliseconds, so it is made where it is seen: while building a big design, and while
an end is dragged, a connection follows a quick route (at most two bends, looking at nothing in between)
and is left pending; pending routes are searched when the drag ends or when the view shows them."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.service_item import Anchor, ServiceItem
from archbuilder.canvas.labels import obstacles_near
from archbuilder.canvas.tree import services_in
from archbuilder.drawing import routing
from archbuilder.drawing.geometry import Box, Point, segment_crosses
from archbuilder.drawing.nudging import nudge
from archbuilder.model.bends import Place, moved_bends, place_of
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

ROUTES_AT_ONCE = 300  # with more to search, only those of connections with an end in view are searched
REACH = 600.0  # how far around its ends a route may look for a way round
# A connection across a big design has thousands of boxes around it; searching among them takes seconds, so
# past this many it keeps its quick route (most connections join neighbours and are searched).
MAX_OBSTACLES = 400


def _box(anchor: Anchor) -> tuple[Box, Point]:
    left, top, right, bottom, aim_x, aim_y = anchor
    return Box(left, top, right - left, bottom - top), (aim_x, aim_y)


Line = tuple[bool, float]  # vertical?, the line's x (vertical) or y


def _inner_lines(points: list[Point]) -> list[tuple[Line, float, float]]:
    """The lines a route's inner segments lie on, with their span (the segments at the ports are left out)."""
    found = []
    for index, (a, b) in enumerate(pairwise(points)):
        if 0 < index < len(points) - 2:
            vertical = a[0] == b[0]
            key: Line = (vertical, a[0] if vertical else a[1])
            low, high = (a[1], b[1]) if vertical else (a[0], b[0])
            found.append((key, min(low, high), max(low, high)))
    return found


class RouteLayer:
    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self.pending: set[ConnectionItem] = set()  # on a quick route, to be searched when seen
        # Searched routes as the router gave them, and which of them run along which line: routes sharing a
        # stretch are spread apart (archbuilder.drawing.nudging), as in the exports.
        self._base: dict[ConnectionItem, list[Point]] = {}
        self._on_line: dict[Line, set[ConnectionItem]] = {}
        self._spread: list[ConnectionItem] = []  # others redrawn by the last spread, to caption again

    def clear(self) -> None:
        self.pending.clear()
        self._base.clear()
        self._on_line.clear()

    def removed(self, item: ConnectionItem) -> None:
        self.pending.discard(item)
        self._forget(item)

    def _forget(self, item: ConnectionItem) -> None:
        for key, _low, _high in _inner_lines(self._base.pop(item, [])):
            self._on_line.get(key, set()).discard(item)

    def spread(self, item: ConnectionItem, points: list[Point]) -> list[Point]:
        """File a searched route and spread it and the routes sharing a stretch with it apart; the others are
        redrawn here, this one's points are returned."""
        self._forget(item)
        self._base[item] = points
        lines = _inner_lines(points)
        group = {item}
        for key, low, high in lines:
            for other in self._on_line.get(key, ()):
                other_lines = _inner_lines(self._base.get(other, []))
                if any(k == key and lo < high and low < hi for k, lo, hi in other_lines):
                    group.add(other)
            self._on_line.setdefault(key, set()).add(item)
        if len(group) == 1:
            return points
        routes = {other.connection_id: self._base[other] for other in group}
        area = QRectF()
        for route_points in routes.values():
            xs, ys = [p[0] for p in route_points], [p[1] for p in route_points]
            area = area.united(QRectF(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))
        # The ends' own outlines are obstacles too: a route only touches them at its ports, and spreading never
        # moves a port segment into its service.
        boxes = obstacles_near(self._scene, area.adjusted(-20, -20, 20, 20), ("", ""))

        def crosses(a: Point, b: Point, _key: str) -> bool:
            return any(segment_crosses(a, b, box) for box in boxes)

        spread = nudge(routes, crosses)
        for other in sorted(group, key=lambda o: o.connection_id):
            if other is not item and spread[other.connection_id] != other.route_tuples():
                other.set_route(spread[other.connection_id])
                self._spread.append(other)
        return spread[item.connection_id]

    def take_spread(self) -> list[ConnectionItem]:
        """The other connections the last searched route made room for (their captions are placed again)."""
        taken, self._spread = self._spread, []
        return taken

    def route(self, item: ConnectionItem, source: Anchor, target: Anchor, *, full: bool) -> list[Point]:
        """The points of the connection's route: searched (`full`), or quick and left pending."""
        (source_box, source_aim), (target_box, target_aim) = _box(source), _box(target)
        aims = (source_aim, target_aim)
        if item.stored_bends:
            # Through the user's bends: no search needed, the same whether dragging or not.
            self.pending.discard(item)
            item.fully_routed = True
            return routing.route(source_box, target_box, [], via=self._bends_now(item), aims=aims)
        if not full:
            self.pending.add(item)
            item.fully_routed = False
            return routing.quick_route(source_box, target_box, aims)
        self.pending.discard(item)
        item.fully_routed = True
        area = source_box.united(target_box).grown(REACH)
        window = QRectF(area.x, area.y, area.width, area.height)
        obstacles = obstacles_near(self._scene, window, (item.source_id, item.target_id), MAX_OBSTACLES)
        if len(obstacles) > MAX_OBSTACLES:
            return routing.quick_route(source_box, target_box, aims)
        return self.spread(item, routing.route(source_box, target_box, obstacles, aims=aims))

    def _bends_now(self, item: ConnectionItem) -> tuple[Point, ...]:
        """The connection's bends in scene coordinates where its ends and frame are drawn now: as the model has
        them, followed (model/bends.py) by what a drag moved ahead of the model, as the drop will move them."""
        scene = self._scene
        connection = scene.architecture.connection(item.connection_id)
        before = place_of(scene.architecture, connection)
        frame = scene.item_for(before.frame) if before.frame is not None else None
        corner = frame.scenePos() if frame is not None else QPointF()
        centres = []
        for end_id in (item.source_id, item.target_id):
            end = scene.item_for(end_id)
            at = end.scenePos() if end is not None else QPointF()
            centres.append((at.x() + SERVICE_WIDTH / 2, at.y() + SERVICE_HEIGHT / 2))
        now = Place(before.frame, (corner.x(), corner.y()), (centres[0], centres[1]))
        bends = moved_bends(connection.bends, before, now)
        return tuple((x + now.origin[0], y + now.origin[1]) for x, y in (bends or connection.bends))

    def route_pending(self, area: QRectF | None, edges_of: dict[str, set[str]]) -> int:
        """Search the pending routes with an end in `area` (all when None); returns how many."""
        if not self.pending:
            return 0
        if area is None or len(self.pending) <= ROUTES_AT_ONCE:
            candidates = list(self.pending)
        else:
            connections = self._scene.connection_item
            ids = {
                cid for service in services_in(self._scene, area) for cid in edges_of.get(service.node_id, ())
            }
            candidates = [item for cid in sorted(ids) if (item := connections(cid)) in self.pending]
        done = 0
        with self._scene.captions.batch():  # searching routes moves no service: one outline index for all
            for item in sorted(candidates, key=lambda i: i.connection_id):
                source = self._scene.item_for(item.source_id)
                target = self._scene.item_for(item.target_id)
                if isinstance(source, ServiceItem) and isinstance(target, ServiceItem):
                    self._scene.route_connection(item, full=True)
                    done += 1
        return done


def ride_along(
    connections: Mapping[str, ConnectionItem], ids: set[str], inside: set[str], offset: QPointF
) -> set[str]:
    """During a container's drag: the connections among `ids` with both ends `inside` it move whole by
    `offset` (where the drag has taken it), as their route would (its bends are kept relative to it,
    model/bends.py); returns the others, which are routed again. In bench_canvas.py an AZ's 50 services have 68
    connections, 34 of them among themselves: half as many routed per drag frame. The release searches them
    all again."""
    others = set()
    for connection_id in ids:
        item = connections[connection_id]
        if item.source_id in inside and item.target_id in inside:
            item.ride(offset)
        else:
            others.add(connection_id)
    return others
