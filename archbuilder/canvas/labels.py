"""Where a connection's caption goes (on its route where that covers no service, icon or label, else beside
it, else where it covers least), and what a route must go around.

What a caption must not cover is found by walking down the container tree, not by asking the scene's index:
that costs milliseconds a query on a big design, because long connections have bounding rects covering most
of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtWidgets import QGraphicsItem

from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.items.span_item import SpanItem
from archbuilder.drawing.captions import place_caption as choose_caption
from archbuilder.drawing.geometry import Box

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene


def place_caption(points: list[QPointF], size: QSizeF, covers: Callable[[QRectF], float]) -> QPointF:
    """The centre for a caption box of `size` on or beside the route through `points`, on its longest segment
    first and nearest the middle, where `covers(box)` (the area of things under the box) is 0; when there is
    none, where it is least (archbuilder.drawing.captions, which the exports use too)."""

    def cost(box: Box) -> float:
        return covers(QRectF(box.x, box.y, box.width, box.height))

    box = choose_caption([(p.x(), p.y()) for p in points], (size.width(), size.height()), cost)
    return QPointF(box.x + box.width / 2, box.y + box.height / 2)


def obstacles_near(scene: ArchitectureScene, area: QRectF, ends: tuple[str, str]) -> list[Box]:
    """What a route in `area` must go around: service and span outlines (icon and label) and container headers,
    except the connection's own two services. Found by walking the container tree, as `covered_area`."""
    nodes = scene.node_items()
    pending: list[QGraphicsItem] = [nodes[n.id] for n in scene.architecture.children(None) if n.id in nodes]
    found: list[Box] = []
    while pending:
        item = pending.pop()
        if isinstance(item, ServiceItem):
            if item.node_id not in ends:
                _collect(item.outline_scene(), area, found)
        elif isinstance(item, SpanItem):
            _collect(item.outline_scene(), area, found)
        elif isinstance(item, ContainerItem) and item.sceneBoundingRect().intersects(area):
            _collect(item.header_scene_rect(), area, found)
            pending.extend(item.childItems())
    for annotation_id, note in scene.annotations.items.items():  # notes, callouts and actors too
        if annotation_id not in ends:
            _collect(note.mapRectToScene(note.rect()), area, found)
    return found


def _collect(rect: QRectF, area: QRectF, found: list[Box]) -> None:
    if rect.intersects(area):
        found.append(Box(rect.x(), rect.y(), rect.width(), rect.height()))


def covered_area(scene: ArchitectureScene, box: QRectF) -> float:
    """How much of `box` (scene coordinates) lies over services and span items (icons and labels) and container
    header texts (overlaps added up), and BORDER_CROSSED for each container border it lies across. Walks down
    from the top level into the containers that meet the box only, so a query costs the same on a big design as
    on a small one."""
    nodes = scene.node_items()
    pending: list[QGraphicsItem] = []
    for node in scene.architecture.children(None):
        top = nodes.get(node.id)
        if top is not None:
            pending.append(top)
    area = 0.0
    while pending:
        item = pending.pop()
        if isinstance(item, ServiceItem | SpanItem):
            area += _overlap(item.outline_scene(), box)
        elif isinstance(item, ContainerItem) and item.sceneBoundingRect().intersects(box):
            area += _overlap(item.header_scene_rect(), box) + _border_cost(
                item.mapRectToScene(item.rect()), box
            )
            pending.extend(item.childItems())
    return area


def _border_cost(outline: QRectF, box: QRectF) -> float:
    """BORDER_CROSSED when `box` lies across the outline (partly in, partly out), as the exports count it."""
    return BORDER_CROSSED if outline.intersects(box) and not outline.contains(box) else 0.0


BORDER_CROSSED = 1000.0  # a caption across a container's border costs more than covering most things


class OutlineIndex:
    """What `covered_area` counts (service and span outlines, container headers), taken once and filed in a
    grid: for placing many captions at once while nothing moves (a design being built, the view scrolled), where
    walking the tree for each candidate box visits every service of a container that holds hundreds."""

    CELL = 200.0

    def __init__(self, scene: ArchitectureScene) -> None:
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._rects: list[QRectF] = []
        self._borders: list[bool] = []  # whether a rect is a container's outline (else a thing to cover)
        nodes = scene.node_items()
        pending: list[QGraphicsItem] = [
            nodes[n.id] for n in scene.architecture.children(None) if n.id in nodes
        ]
        while pending:
            item = pending.pop()
            if isinstance(item, ServiceItem | SpanItem):
                self._file(item.outline_scene())
            elif isinstance(item, ContainerItem):
                self._file(item.header_scene_rect())
                self._file(item.mapRectToScene(item.rect()), border=True)
                pending.extend(item.childItems())

    def _file(self, rect: QRectF, border: bool = False) -> None:
        index = len(self._rects)
        self._rects.append(rect)
        self._borders.append(border)
        for key in grid_cells(rect, self.CELL):
            self._cells.setdefault(key, []).append(index)

    def covered(self, box: QRectF) -> float:
        """The same as `covered_area(scene, box)` as the scene was when the index was taken."""
        seen: set[int] = set()
        area = 0.0
        for key in grid_cells(box, self.CELL):
            for index in self._cells.get(key, ()):
                if index not in seen:
                    seen.add(index)
                    rect = self._rects[index]
                    area += _border_cost(rect, box) if self._borders[index] else _overlap(rect, box)
        return area


def grid_cells(rect: QRectF, cell: float) -> list[tuple[int, int]]:
    """The cells of a grid of side `cell` that `rect` meets."""
    left, right = int(rect.left() // cell), int(rect.right() // cell)
    top, bottom = int(rect.top() // cell), int(rect.bottom() // cell)
    return [(x, y) for x in range(left, right + 1) for y in range(top, bottom + 1)]


def _overlap(a: QRectF, b: QRectF) -> float:
    if not a.intersects(b):
        return 0.0
    common = a.intersected(b)
    return common.width() * common.height()
