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


def obstacles_near(
    scene: ArchitectureScene, area: QRectF, ends: tuple[str, str], limit: int | None = None
) -> list[Box]:
    """What a route in `area` must go around: service and span outlines (icon and label) and container headers,
    except the connection's own two services. Found by walking the container tree, as `covered_area`. With a
    `limit`, the walk stops once more than that many are found (the caller then gives up the search: a long
    connection across a big design gathered thousands for nothing)."""
    nodes = scene.node_items()
    pending: list[QGraphicsItem] = [nodes[n.id] for n in scene.architecture.children(None) if n.id in nodes]
    found: list[Box] = []
    while pending:
        if limit is not None and len(found) > limit:
            return found
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
    """What `covered_area` counts (service and span outlines, container headers and borders), filed in a grid
    cell by cell as queries first reach a cell: for placing many captions at once while nothing moves (routes
    searched, a design built, the view scrolled), where walking the tree for each candidate box visits every
    service of a container that holds hundreds, and taking every outline of a big design costs a pan frame."""

    CELL = 200.0

    def __init__(self, scene: ArchitectureScene) -> None:
        nodes = scene.node_items()
        self._top: list[QGraphicsItem] = [
            nodes[n.id] for n in scene.architecture.children(None) if n.id in nodes
        ]
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._rects: list[QRectF] = []
        self._borders: list[bool] = []  # whether a rect is a container's outline (else a thing to cover)
        self._number: dict[tuple[int, bool], int] = {}  # (item, is border) -> its rect's number, once each

    def _fill(self, key: tuple[int, int]) -> list[int]:
        """The rects that meet the cell `key`, found by walking into the containers that meet it."""
        cell = QRectF(key[0] * self.CELL, key[1] * self.CELL, self.CELL, self.CELL)
        found: list[int] = []
        pending = list(self._top)
        while pending:
            item = pending.pop()
            if isinstance(item, ServiceItem | SpanItem):
                self._add(found, item, item.outline_scene(), cell, border=False)
            elif isinstance(item, ContainerItem) and item.sceneBoundingRect().intersects(cell):
                self._add(found, item, item.header_scene_rect(), cell, border=False)
                self._add(found, item, item.mapRectToScene(item.rect()), cell, border=True)
                pending.extend(item.childItems())
        self._cells[key] = found
        return found

    def _add(
        self, found: list[int], item: QGraphicsItem, rect: QRectF, cell: QRectF, *, border: bool
    ) -> None:
        if not rect.intersects(cell):
            return
        ident = (id(item), border)
        number = self._number.get(ident)
        if number is None:
            number = self._number[ident] = len(self._rects)
            self._rects.append(rect)
            self._borders.append(border)
        found.append(number)

    def covered(self, box: QRectF) -> float:
        """The same as `covered_area(scene, box)` as the scene was when the index was made."""
        seen: set[int] = set()
        area = 0.0
        for key in grid_cells(box, self.CELL):
            numbers = self._cells.get(key)
            for number in numbers if numbers is not None else self._fill(key):
                if number not in seen:
                    seen.add(number)
                    rect = self._rects[number]
                    area += _border_cost(rect, box) if self._borders[number] else _overlap(rect, box)
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
