"""Connection routes on the canvas, searched around services and container headers by the same router the
exports use (archbuilder.drawing.routing), through the bend points the user dragged.

A full search costs milliseconds, so it is made where it is seen: while building a big design, and while
an end is dragged, a connection follows a quick route (at most two bends, looking at nothing in between)
and is left pending; pending routes are searched when the drag ends or when the view shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.service_item import Anchor, ServiceItem
from archbuilder.canvas.labels import obstacles_near
from archbuilder.canvas.tree import services_in
from archbuilder.drawing import routing
from archbuilder.drawing.geometry import Box, Point

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


class RouteLayer:
    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self.pending: set[ConnectionItem] = set()  # on a quick route, to be searched when seen

    def clear(self) -> None:
        self.pending.clear()

    def removed(self, item: ConnectionItem) -> None:
        self.pending.discard(item)

    def route(self, item: ConnectionItem, source: Anchor, target: Anchor, *, full: bool) -> list[Point]:
        """The points of the connection's route: searched (`full`), or quick and left pending."""
        (source_box, source_aim), (target_box, target_aim) = _box(source), _box(target)
        aims = (source_aim, target_aim)
        if item.waypoints:
            # Through the user's bends: no search needed, the same whether dragging or not.
            self.pending.discard(item)
            item.fully_routed = True
            return routing.route(source_box, target_box, [], via=item.waypoints, aims=aims)
        if not full:
            self.pending.add(item)
            item.fully_routed = False
            return routing.quick_route(source_box, target_box, aims)
        self.pending.discard(item)
        item.fully_routed = True
        area = source_box.united(target_box).grown(REACH)
        window = QRectF(area.x, area.y, area.width, area.height)
        obstacles = obstacles_near(self._scene, window, (item.source_id, item.target_id))
        if len(obstacles) > MAX_OBSTACLES:
            return routing.quick_route(source_box, target_box, aims)
        return routing.route(source_box, target_box, obstacles, aims=aims)

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
        for item in sorted(candidates, key=lambda i: i.connection_id):
            source = self._scene.item_for(item.source_id)
            target = self._scene.item_for(item.target_id)
            if isinstance(source, ServiceItem) and isinstance(target, ServiceItem):
                self._scene.route_connection(item, full=True)
                done += 1
        return done
