"""Pinned nodes through an automatic layout: a pinned node goes back where it was, the nodes the layout put
in its way move aside in the same container (along their row, else below everything), and containers grow
to hold what they hold."""

from __future__ import annotations

from archbuilder.model.architecture import Architecture
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH, AnyNode, ServiceNode

GAP = 16.0
PADDING = 20.0

Rect = tuple[float, float, float, float]  # x, y, width, height relative to the parent


def snapshot(architecture: Architecture) -> dict[str, Rect]:
    """Where every pinned node is now (its size too, for containers)."""
    return {node.id: _rect(node) for node in architecture.nodes.values() if node.pinned}


def _rect(node: AnyNode) -> Rect:
    if isinstance(node, ServiceNode):
        return (node.x, node.y, SERVICE_WIDTH, SERVICE_HEIGHT)
    return (node.x, node.y, node.width, node.height)


def _meets(a: Rect, b: Rect, gap: float = 0.0) -> bool:
    return (
        a[0] < b[0] + b[2] + gap
        and b[0] < a[0] + a[2] + gap
        and a[1] < b[1] + b[3] + gap
        and b[1] < a[1] + a[3] + gap
    )


def restore(architecture: Architecture, pinned: dict[str, Rect]) -> None:
    """Put the pinned nodes back and make room around them, innermost containers first."""
    if not pinned:
        return
    for node_id, (x, y, width, height) in pinned.items():
        node = architecture.node(node_id)
        architecture.move_node(node_id, x, y)
        if not isinstance(node, ServiceNode):
            architecture.resize_container(node_id, max(width, node.width), max(height, node.height))
    parents = {architecture.node(node_id).parent_id for node_id in pinned}
    depth = {pid: len(architecture.ancestors(pid)) if pid is not None else -1 for pid in parents}
    for parent_id in sorted(parents, key=lambda pid: (-depth[pid], pid or "")):
        current: str | None = parent_id
        while True:
            _make_room(architecture, current)
            if current is None:
                break
            _fit(architecture, current)
            current = architecture.node(current).parent_id


def _make_room(architecture: Architecture, parent_id: str | None) -> None:
    """Move the unpinned children that overlap a pinned (or already settled) sibling aside."""
    children = sorted(architecture.children(parent_id), key=lambda n: (not n.pinned, n.y, n.x, n.id))
    settled: list[Rect] = []
    for child in children:
        rect = _rect(child)
        if child.pinned or not any(_meets(rect, other, GAP / 2) for other in settled):
            settled.append(rect)
            continue
        x, y = _free_spot(rect, settled)
        architecture.move_node(child.id, x, y)
        settled.append((x, y, rect[2], rect[3]))


def _free_spot(rect: Rect, settled: list[Rect]) -> tuple[float, float]:
    """The nearest place to the right on the same row that meets nothing, else below everything."""
    x, y, width, height = rect
    candidates = sorted({other[0] + other[2] + GAP for other in settled if other[0] + other[2] + GAP > x})
    for candidate in candidates:
        if not any(_meets((candidate, y, width, height), other, GAP / 2) for other in settled):
            return candidate, y
    bottom = max(other[1] + other[3] for other in settled)
    return x, bottom + GAP


def _fit(architecture: Architecture, container_id: str) -> None:
    """Grow a container to hold its children with the layout's padding."""
    node = architecture.node(container_id)
    if isinstance(node, ServiceNode):
        return
    width, height = node.width, node.height
    for child in architecture.children(container_id):
        x, y, w, h = _rect(child)
        width = max(width, x + w + PADDING)
        height = max(height, y + h + PADDING)
    if (width, height) != (node.width, node.height):
        architecture.resize_container(container_id, width, height)
