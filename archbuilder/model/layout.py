"""Automatic layout: sizes containers to their contents and places children in a readable grid.

Used for imported designs, generated examples and `archbuilder layout`. Regions sit side by side, VPCs side
by side in their region, AZs side by side in their VPC, subnets stacked in their AZ (public first) with the
same row height across the AZs of a VPC, and services in a grid at the top of their container.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from archbuilder.model.architecture import Architecture
from archbuilder.model.nodes import (
    SERVICE_HEIGHT,
    SERVICE_WIDTH,
    AnyNode,
    AvailabilityZoneNode,
    ServiceNode,
    SubnetNode,
    SubnetTier,
    VpcNode,
)

HEADER = 40.0  # room for the container's label and CIDR
PADDING = 20.0
GAP = 28.0
SERVICE_GAP_X = 36.0
SERVICE_GAP_Y = 28.0
MAX_COLUMNS = 4
EMPTY_WIDTH = 220.0
EMPTY_HEIGHT = 120.0


@dataclass
class _Box:
    width: float
    height: float


def auto_layout(architecture: Architecture) -> None:
    """Place every node; positions and container sizes change through the aggregate (events fire)."""
    sizes: dict[str, _Box] = {}
    row_heights: dict[str, list[float]] = {}
    for vpc in [n for n in architecture.nodes.values() if isinstance(n, VpcNode)]:
        row_heights[vpc.id] = _subnet_rows(architecture, vpc, sizes)
    _layout_children(architecture, None, sizes, row_heights)


def _sorted_children(
    architecture: Architecture, parent_id: str | None
) -> tuple[list[ServiceNode], list[AnyNode]]:
    children = architecture.children(parent_id)
    services = sorted(
        (c for c in children if isinstance(c, ServiceNode)), key=lambda n: (n.type, n.label, n.id)
    )

    def container_key(node: AnyNode) -> tuple[int, str, str]:
        tier = 0 if isinstance(node, SubnetNode) and node.tier is SubnetTier.PUBLIC else 1
        zone = node.zone if isinstance(node, AvailabilityZoneNode) else ""
        return (tier, zone or node.label.lower(), node.id)

    containers: list[AnyNode] = sorted(
        (c for c in children if not isinstance(c, ServiceNode)), key=container_key
    )
    return services, containers


def _grid(count: int) -> tuple[int, int]:
    if count == 0:
        return 0, 0
    columns = min(MAX_COLUMNS, max(1, math.ceil(math.sqrt(count))))
    return columns, math.ceil(count / columns)


def _services_box(count: int) -> _Box:
    columns, rows = _grid(count)
    if count == 0:
        return _Box(0, 0)
    return _Box(
        columns * SERVICE_WIDTH + (columns - 1) * SERVICE_GAP_X,
        rows * SERVICE_HEIGHT + (rows - 1) * SERVICE_GAP_Y,
    )


def _subnet_rows(architecture: Architecture, vpc: VpcNode, sizes: dict[str, _Box]) -> list[float]:
    """Height of each subnet row across the VPC's AZs, so that tiers line up."""
    rows: list[float] = []
    for az in architecture.children(vpc.id):
        if not isinstance(az, AvailabilityZoneNode):
            continue
        _, subnets = _sorted_children(architecture, az.id)
        for index, subnet in enumerate(subnets):
            box = _measure(architecture, subnet, sizes, {})
            if index == len(rows):
                rows.append(box.height)
            else:
                rows[index] = max(rows[index], box.height)
    return rows


def _measure(
    architecture: Architecture, node: AnyNode, sizes: dict[str, _Box], row_heights: dict[str, list[float]]
) -> _Box:
    if isinstance(node, ServiceNode):
        return _Box(SERVICE_WIDTH, SERVICE_HEIGHT)
    if node.id in sizes and not isinstance(node, AvailabilityZoneNode | VpcNode):
        return sizes[node.id]
    services, containers = _sorted_children(architecture, node.id)
    grid = _services_box(len(services))
    boxes = [_measure(architecture, child, sizes, row_heights) for child in containers]
    if isinstance(node, AvailabilityZoneNode):
        vpc_rows = row_heights.get(node.parent_id or "", [])
        boxes = [
            _Box(box.width, vpc_rows[i] if i < len(vpc_rows) else box.height) for i, box in enumerate(boxes)
        ]
        inner_w = max([grid.width, *(b.width for b in boxes)], default=0)
        inner_h = grid.height + (GAP if grid.height and boxes else 0) + sum(b.height for b in boxes)
        inner_h += GAP * max(0, len(boxes) - 1)
    else:
        row_w = sum(b.width for b in boxes) + GAP * max(0, len(boxes) - 1)
        row_h = max((b.height for b in boxes), default=0)
        inner_w = max(grid.width, row_w)
        inner_h = grid.height + (GAP if grid.height and boxes else 0) + row_h
    box = _Box(max(EMPTY_WIDTH, inner_w + 2 * PADDING), max(EMPTY_HEIGHT, inner_h + HEADER + PADDING))
    sizes[node.id] = box
    return box


def _layout_children(
    architecture: Architecture,
    parent: AnyNode | None,
    sizes: dict[str, _Box],
    row_heights: dict[str, list[float]],
) -> None:
    parent_id = parent.id if parent is not None else None
    services, containers = _sorted_children(architecture, parent_id)
    top = HEADER if parent is not None else PADDING
    left = PADDING
    columns, _ = _grid(len(services))
    for index, service in enumerate(services):
        column, row = index % columns, index // columns
        architecture.move_node(
            service.id,
            left + column * (SERVICE_WIDTH + SERVICE_GAP_X),
            top + row * (SERVICE_HEIGHT + SERVICE_GAP_Y),
        )
    grid = _services_box(len(services))
    top += grid.height + (GAP if grid.height and containers else 0)
    stacked = isinstance(parent, AvailabilityZoneNode)
    vpc_rows = row_heights.get(parent.parent_id or "", []) if stacked and parent is not None else []
    for index, child in enumerate(containers):
        box = _measure(architecture, child, sizes, row_heights)
        if stacked and index < len(vpc_rows):
            box = _Box(box.width, vpc_rows[index])
        if stacked and parent is not None:
            inner_width = sizes[parent.id].width - 2 * PADDING
            box = _Box(max(box.width, inner_width), box.height)
        architecture.move_node(child.id, left, top)
        architecture.resize_container(child.id, box.width, box.height)
        if stacked:
            top += box.height + GAP
        else:
            left += box.width + GAP
        _layout_children(architecture, child, sizes, row_heights)
