"""Queries that walk down the container tree from the top-level items, visiting only the containers that
meet the point or area asked about.

On a big design the scene's index answers a point or area query in milliseconds (long connections have
bounding rects covering most of it), and drags, pans and caption placement ask many times a frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem

from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem

if TYPE_CHECKING:
    from archbuilder.canvas.scene import ArchitectureScene


def top_level_items(scene: ArchitectureScene) -> list[QGraphicsItem]:
    """Items of the nodes outside every container; empty while the scene is being torn down."""
    nodes = scene.node_items()
    found: list[QGraphicsItem] = []
    for node in scene.architecture.children(None):
        top = nodes.get(node.id)
        if top is None or not shiboken6.isValid(top):
            return []
        found.append(top)
    return found


def containers_at(
    scene: ArchitectureScene, scene_pos: QPointF, exclude: set[QGraphicsItem]
) -> list[ContainerItem]:
    """The nested containers under a point, innermost first, skipping `exclude` and what is inside them."""
    found: list[ContainerItem] = []
    level = top_level_items(scene)
    while level:
        hit: ContainerItem | None = None
        for candidate in sorted(reversed(level), key=lambda i: -i.zValue()):  # topmost first
            if (
                isinstance(candidate, ContainerItem)
                and candidate not in exclude
                and candidate.sceneBoundingRect().contains(scene_pos)
            ):
                hit = candidate
                break
        if hit is None:
            break
        found.append(hit)
        level = hit.childItems()
    found.reverse()
    return found


def services_in(scene: ArchitectureScene, area: QRectF) -> list[ServiceItem]:
    """The service items meeting `area`."""
    found: list[ServiceItem] = []
    pending = top_level_items(scene)
    while pending:
        item = pending.pop()
        if isinstance(item, ServiceItem):
            if item.sceneBoundingRect().intersects(area):
                found.append(item)
        elif isinstance(item, ContainerItem) and item.sceneBoundingRect().intersects(area):
            pending.extend(item.childItems())
    return found
