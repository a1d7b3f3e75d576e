"""Edit › Align and Distribute: the selected services and containers that share the first one's container,
lined up on their left edges, centres or right edges (tops, middles, bottoms), or spread so that their centres
are evenly apart between the outermost two. One undo step each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene

Item = ServiceItem | ContainerItem


def _chosen(scene: ArchitectureScene) -> list[Item]:
    selected = [i for i in scene.selectedItems() if isinstance(i, ServiceItem | ContainerItem)]
    if not selected:
        return []
    parent = selected[0].parentItem()
    return sorted((i for i in selected if i.parentItem() is parent), key=lambda i: i.node_id)


def _box(item: Item) -> QRectF:
    return item.mapRectToParent(item.rect())


ALIGNMENTS: dict[str, Callable[[list[QRectF], QRectF], list[tuple[float, float]]]] = {
    "left": lambda boxes, all_: [(all_.left(), b.top()) for b in boxes],
    "centre": lambda boxes, all_: [(all_.center().x() - b.width() / 2, b.top()) for b in boxes],
    "right": lambda boxes, all_: [(all_.right() - b.width(), b.top()) for b in boxes],
    "top": lambda boxes, all_: [(b.left(), all_.top()) for b in boxes],
    "middle": lambda boxes, all_: [(b.left(), all_.center().y() - b.height() / 2) for b in boxes],
    "bottom": lambda boxes, all_: [(b.left(), all_.bottom() - b.height()) for b in boxes],
}


def align(scene: ArchitectureScene, how: str) -> bool:
    items = _chosen(scene)
    if len(items) < 2:
        return False
    boxes = [_box(item) for item in items]
    around = boxes[0]
    for box in boxes[1:]:
        around = around.united(box)
    places = ALIGNMENTS[how](boxes, around)
    moves = {
        item.node_id: place
        for item, box, place in zip(items, boxes, places, strict=True)
        if place != (box.left(), box.top())
    }
    return bool(moves) and scene.document.move_items(moves)


def distribute(scene: ArchitectureScene, horizontally: bool) -> bool:
    items = _chosen(scene)
    if len(items) < 3:
        return False

    def centre(item: Item) -> float:
        box = _box(item)
        return box.center().x() if horizontally else box.center().y()

    ordered = sorted(items, key=centre)
    first, last = centre(ordered[0]), centre(ordered[-1])
    step = (last - first) / (len(ordered) - 1)
    moves: dict[str, tuple[float, float]] = {}
    for index, item in enumerate(ordered[1:-1], start=1):
        box = _box(item)
        wanted = first + index * step
        if horizontally:
            place = (wanted - box.width() / 2, box.top())
        else:
            place = (box.left(), wanted - box.height() / 2)
        if place != (box.left(), box.top()):
            moves[item.node_id] = place
    return bool(moves) and scene.document.move_items(moves)
