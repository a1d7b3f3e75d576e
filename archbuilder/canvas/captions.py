"""Connection captions on the canvas: placed when routed at full detail, else left pending until they are
shown (zoomed out, or while a big design is built, they are placed where the view looks), riding on the
middle of their line during a drag; captions shown are filed in a coarse grid so later ones avoid them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.labels import OutlineIndex, covered_area, grid_cells, place_caption
from archbuilder.canvas.tree import services_in

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

CAPTIONS_AT_ONCE = 400  # with more pending, only those of connections with an end in view are placed
CAPTION_CELL = 200.0  # side of the grid cells captions are filed in


class CaptionLayer:
    def __init__(self, scene: ArchitectureScene) -> None:
        self._scene = scene
        self.pending: set[ConnectionItem] = set()  # routed, caption not placed yet
        self._cells: dict[tuple[int, int], set[ConnectionItem]] = {}
        self._cells_of: dict[ConnectionItem, list[tuple[int, int]]] = {}
        self._outlines: OutlineIndex | None = None  # while placing a batch: what lies under a box, indexed
        self._batches = 0  # open batches (`batch`): nothing moves, the index is taken on the first placement

    def clear(self) -> None:
        self.pending.clear()
        self._cells.clear()
        self._cells_of.clear()

    def routed(self, item: ConnectionItem, *, shown: bool, dragging: bool) -> None:
        """The connection's line changed. `shown`: captions are visible now (full detail, not building)."""
        if not item.label_fits():
            self.pending.discard(item)
            self._show(item, None)
        elif not shown:
            self.pending.add(item)
        elif dragging:
            # While dragging the caption rides on the middle of its line; it finds its place on release.
            item.set_label_center(item.middle())  # filed in the grid when placed
            self.pending.add(item)
        else:
            self.place(item)

    def removed(self, item: ConnectionItem) -> None:
        self.pending.discard(item)
        self._show(item, None)

    def place_pending(self, area: QRectF | None, edges_of: dict[str, set[str]]) -> int:
        """Place the pending captions whose line meets `area` (all when None); returns how many."""
        if not self.pending:
            return 0
        if area is None or len(self.pending) <= CAPTIONS_AT_ONCE:
            candidates = list(self.pending)
        else:
            connections = self._scene.connection_item
            ids = {
                cid for service in services_in(self._scene, area) for cid in edges_of.get(service.node_id, ())
            }
            candidates = [item for cid in ids if (item := connections(cid)) in self.pending]
        chosen = [item for item in candidates if area is None or area.intersects(_route_rect(item.points()))]
        with self.batch():
            for item in chosen:
                self.place(item)
        return len(chosen)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Captions placed meanwhile (many routes searched, a design built, the view scrolled) ask a grid of the
        outlines taken once what lies under each candidate place: nothing moves meanwhile. Walking the container
        tree for each candidate visits every service of a container holding hundreds."""
        self._batches += 1
        try:
            yield
        finally:
            self._batches -= 1
            if not self._batches:
                self._outlines = None

    def place(self, item: ConnectionItem) -> None:
        self.pending.discard(item)
        self._show(item, None)
        if self._batches and self._outlines is None:
            self._outlines = OutlineIndex(self._scene)
        outlines = self._outlines

        def covered(box: QRectF) -> float:
            under = outlines.covered(box) if outlines is not None else covered_area(self._scene, box)
            return under + self._captions_area(box)

        self._show(item, place_caption(item.points(), item.label_size(), covered))

    def _show(self, item: ConnectionItem, centre: QPointF | None) -> None:
        """Show a caption at `centre` (None hides it) and file it in the grid."""
        for key in self._cells_of.pop(item, ()):
            self._cells.get(key, set()).discard(item)
        item.set_label_center(centre)
        rect = item.label_scene_rect()
        if rect is not None:
            keys = _cells(rect)
            for key in keys:
                self._cells.setdefault(key, set()).add(item)
            self._cells_of[item] = keys

    def _captions_area(self, box: QRectF) -> float:
        """How much of `box` lies over captions already shown."""
        area = 0.0
        seen: set[ConnectionItem] = set()
        for key in _cells(box):
            for other in self._cells.get(key, ()):
                if other in seen:
                    continue
                seen.add(other)
                rect = other.label_scene_rect()
                if rect is not None and rect.intersects(box):
                    common = rect.intersected(box)
                    area += common.width() * common.height()
        return area


def _cells(rect: QRectF) -> list[tuple[int, int]]:
    return grid_cells(rect, CAPTION_CELL)


def _route_rect(points: list[QPointF]) -> QRectF:
    """Where a caption on a route may go (its candidates lie along and beside the route)."""
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-60, -20, 60, 20)
