"""Where a connection's caption goes: on its line where that covers no service (icon or label), else beside
the line on its free side, else the line's middle.

What a caption must not cover is found by walking down the container tree, not by asking the scene's index:
that costs milliseconds a query on a big design, because long connections have bounding rects covering most
of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF
from PySide6.QtWidgets import QGraphicsItem

from archbuilder.canvas.items.connection_item import ARROW_LENGTH
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.items.span_item import SpanItem

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

# Along the line, from the middle outwards (fractions of its length).
ALONG = tuple(0.5 + sign * step / 12 for step in range(5) for sign in ((1,) if step == 0 else (-1, 1)))
SIDE_GAP = 3.0  # between the line and a caption put beside it


def place_caption(line: QLineF, size: QSizeF, covers: Callable[[QRectF], float]) -> QPointF:
    """The centre for a caption box of `size` on or beside `line`, nearest the middle, where `covers(box)`
    (the area of things under the box) is 0; when there is none, where it is least."""
    length = line.length()
    if length == 0:
        return line.p1()
    ux, uy = line.dx() / length, line.dy() / length
    # Beside the line: far enough along the normal that the box's nearest corner clears the line.
    offset = (abs(uy) * size.width() + abs(ux) * size.height()) / 2 + SIDE_GAP
    half_w, half_h = size.width() / 2, size.height() / 2
    room = ARROW_LENGTH + max(half_w * abs(ux), half_h * abs(uy))
    candidates: list[QPointF] = []
    for fraction in ALONG:
        along = length * fraction
        if fraction != 0.5 and not room <= along <= length - room:
            continue
        point = QPointF(line.x1() + ux * along, line.y1() + uy * along)
        candidates.append(point)
        candidates.append(QPointF(point.x() - uy * offset, point.y() + ux * offset))
        candidates.append(QPointF(point.x() + uy * offset, point.y() - ux * offset))
    best: tuple[float, QPointF] | None = None
    for centre in candidates:
        box = QRectF(centre.x() - half_w, centre.y() - half_h, size.width(), size.height())
        covered = covers(box)
        if covered <= 0:
            return centre
        if best is None or covered < best[0]:
            best = (covered, centre)
    return best[1] if best is not None else line.center()


def covered_area(scene: ArchitectureScene, box: QRectF) -> float:
    """How much of `box` (scene coordinates) lies over services and span items (icons and labels) and container
    header texts (overlaps added up). Walks down from the top level into the containers that meet the box
    only, so a query costs the same on a big design as on a small one."""
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
            area += _overlap(item.header_scene_rect(), box)
            pending.extend(item.childItems())
    return area


def _overlap(a: QRectF, b: QRectF) -> float:
    if not a.intersects(b):
        return 0.0
    common = a.intersected(b)
    return common.width() * common.height()
