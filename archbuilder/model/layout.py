"""Automatic layout: sizes containers to their contents and places children in a readable grid.

Used for imported designs, generated examples, Tools › Arrange and `archbuilder layout`. Regions sit side by
side, VPCs side by side in their region, AZs side by side in their VPC in zone order (a, b, c), subnets
stacked in their AZ (public first) with the same row height across the AZs of a VPC, so tiers make rows, and
services at the top of their container: outside subnets in the order requests and data flow, entries left
and data stores right (archbuilder.model.flow), in subnets in a grid.

A service spanning several subnets (a Multi-AZ database, an Auto Scaling group) is drawn in each of them, in
the same grid cell: the subnets it joins share one grid, the spanning services take the first cell free in
all their subnets, and the others fill the cells left. The copies then sit where the canvas looks for them
first, on the service's row and column, instead of on top of another service.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from archbuilder.model.architecture import Architecture
from archbuilder.model.flow import flow_ranks, layered_cells
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
from archbuilder.model.pinning import restore, snapshot
from archbuilder.model.serialization import dumps, loads

HEADER = 40.0  # room for the container's label and CIDR
PADDING = 20.0
GAP = 28.0
SERVICE_GAP_X = 36.0
SERVICE_GAP_Y = 28.0
EMPTY_WIDTH = 220.0
EMPTY_HEIGHT = 120.0


@dataclass
class _Box:
    width: float
    height: float


@dataclass
class _SubnetGrids:
    """The grid cell of every service in a subnet, and the grid (cells, columns) of every subnet."""

    cell: dict[str, int] = field(default_factory=dict)  # service id -> cell index in its subnet's grid
    cells: dict[str, int] = field(default_factory=dict)  # subnet id -> cells its grid must hold
    columns: dict[str, int] = field(default_factory=dict)  # subnet id -> columns of its (shared) grid
    ranks: dict[str, int] = field(default_factory=dict)  # service id -> flow rank (model.flow)
    # Services outside subnets, in flow order: container id (None: the canvas) -> cells, columns, rows.
    layered: dict[str | None, tuple[dict[str, tuple[int, int]], int, int]] = field(default_factory=dict)


def auto_layout(architecture: Architecture) -> None:
    """Place every node; positions and container sizes change through the aggregate (events fire). Pinned
    nodes stay where they are and the others make room for them (archbuilder.model.pinning)."""
    pinned = snapshot(architecture)
    sizes: dict[str, _Box] = {}
    row_heights: dict[str, list[float]] = {}
    grids = _plan_subnet_grids(architecture)
    for vpc in [n for n in architecture.nodes.values() if isinstance(n, VpcNode)]:
        row_heights[vpc.id] = _subnet_rows(architecture, vpc, sizes, grids)
    _layout_children(architecture, None, sizes, row_heights, grids)
    restore(architecture, pinned)


def planned_layout(
    architecture: Architecture,
) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """What `auto_layout` would change, without changing anything: the nodes' new places and the containers'
    new sizes (only those that differ)."""
    planned = loads(dumps(architecture), catalog=architecture.catalog)
    auto_layout(planned)
    places: dict[str, tuple[float, float]] = {}
    sizes: dict[str, tuple[float, float]] = {}
    for node in planned.nodes.values():
        now = architecture.node(node.id)
        if (node.x, node.y) != (now.x, now.y):
            places[node.id] = (node.x, node.y)
        if not isinstance(node, ServiceNode) and not isinstance(now, ServiceNode):
            size = (node.width, node.height)
            if size != (now.width, now.height):
                sizes[node.id] = size
    return places, sizes


def _service_key(node: ServiceNode) -> tuple[str, str, str]:
    return (node.type, node.label, node.id)


def _plan_subnet_grids(architecture: Architecture) -> _SubnetGrids:
    """Give every service in a subnet a grid cell, one cell for a spanning service in all its subnets."""
    subnet_ids = {n.id for n in architecture.nodes.values() if isinstance(n, SubnetNode)}
    ranks = flow_ranks(architecture)
    placed = sorted(
        (n for n in architecture.nodes.values() if isinstance(n, ServiceNode) and n.parent_id in subnet_ids),
        key=lambda n: (ranks.get(n.id, len(ranks)), *_service_key(n)),
    )
    # Subnets joined by a spanning service share one grid (union-find over subnet ids).
    group: dict[str, str] = {subnet_id: subnet_id for subnet_id in subnet_ids}

    def root(subnet_id: str) -> str:
        while group[subnet_id] != subnet_id:
            group[subnet_id] = group[group[subnet_id]]
            subnet_id = group[subnet_id]
        return subnet_id

    def spanned(node: ServiceNode) -> list[str]:
        return [node.parent_id or "", *(s for s in node.extra_subnet_ids if s in subnet_ids)]

    taken: dict[str, set[int]] = {subnet_id: set() for subnet_id in subnet_ids}
    grids = _SubnetGrids(ranks=ranks)
    spanning = [node for node in placed if len(spanned(node)) > 1]
    for node in spanning:
        first, *others = spanned(node)
        for other in others:
            group[root(other)] = root(first)
        grids.cell[node.id] = _first_free(taken[s] for s in spanned(node))
        for subnet_id in spanned(node):
            taken[subnet_id].add(grids.cell[node.id])
    for node in placed:
        if node.id not in grids.cell:
            grids.cell[node.id] = _first_free([taken[node.parent_id or ""]])
            taken[node.parent_id or ""].add(grids.cell[node.id])
    group_cells: dict[str, int] = {}
    for subnet_id, cells in taken.items():
        grids.cells[subnet_id] = max(cells) + 1 if cells else 0
        group_cells[root(subnet_id)] = max(group_cells.get(root(subnet_id), 0), grids.cells[subnet_id])
    for subnet_id in subnet_ids:
        grids.columns[subnet_id] = _grid(group_cells[root(subnet_id)])[0]
    return grids


def _first_free(taken: Iterable[set[int]]) -> int:
    busy = set().union(*taken)
    cell = 0
    while cell in busy:
        cell += 1
    return cell


def _sorted_children(
    architecture: Architecture, parent_id: str | None
) -> tuple[list[ServiceNode], list[AnyNode]]:
    children = architecture.children(parent_id)
    services = sorted((c for c in children if isinstance(c, ServiceNode)), key=_service_key)

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
    # A square grid: a container of 250 services is 16 wide, not a strip 4 wide and 63 high.
    columns = max(1, math.ceil(math.sqrt(count)))
    return columns, math.ceil(count / columns)


def _cells_of(container_id: str | None, services: list[ServiceNode], grids: _SubnetGrids) -> tuple[int, int]:
    """(columns, rows) of the grid holding a container's (or the canvas's) services."""
    if container_id in grids.cells:
        count, columns = grids.cells[container_id], grids.columns[container_id]
        if count == 0:
            return 0, 0
        columns = min(columns, count)
        return columns, math.ceil(count / columns)
    return _layered(container_id, services, grids)[1:]


def _layered(
    container_id: str | None, services: list[ServiceNode], grids: _SubnetGrids
) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Cells of the services outside subnets: entry to data, left to right (archbuilder.model.flow)."""
    if container_id not in grids.layered:
        ordered = [
            s.id for s in sorted(services, key=lambda n: (grids.ranks.get(n.id, -1), *_service_key(n)))
        ]
        grids.layered[container_id] = layered_cells(ordered, grids.ranks)
    return grids.layered[container_id]


def _services_box(columns: int, rows: int) -> _Box:
    if columns == 0 or rows == 0:
        return _Box(0, 0)
    return _Box(
        columns * SERVICE_WIDTH + (columns - 1) * SERVICE_GAP_X,
        rows * SERVICE_HEIGHT + (rows - 1) * SERVICE_GAP_Y,
    )


def _subnet_rows(
    architecture: Architecture, vpc: VpcNode, sizes: dict[str, _Box], grids: _SubnetGrids
) -> list[float]:
    """Height of each subnet row across the VPC's AZs, so that tiers line up."""
    rows: list[float] = []
    for az in architecture.children(vpc.id):
        if not isinstance(az, AvailabilityZoneNode):
            continue
        _, subnets = _sorted_children(architecture, az.id)
        for index, subnet in enumerate(subnets):
            box = _measure(architecture, subnet, sizes, {}, grids)
            if index == len(rows):
                rows.append(box.height)
            else:
                rows[index] = max(rows[index], box.height)
    return rows


def _measure(
    architecture: Architecture,
    node: AnyNode,
    sizes: dict[str, _Box],
    row_heights: dict[str, list[float]],
    grids: _SubnetGrids,
) -> _Box:
    if isinstance(node, ServiceNode):
        return _Box(SERVICE_WIDTH, SERVICE_HEIGHT)
    if node.id in sizes and not isinstance(node, AvailabilityZoneNode | VpcNode):
        return sizes[node.id]
    services, containers = _sorted_children(architecture, node.id)
    grid = _services_box(*_cells_of(node.id, services, grids))
    boxes = [_measure(architecture, child, sizes, row_heights, grids) for child in containers]
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
    grids: _SubnetGrids,
) -> None:
    parent_id = parent.id if parent is not None else None
    services, containers = _sorted_children(architecture, parent_id)
    top = HEADER if parent is not None else PADDING
    columns, rows = _cells_of(parent_id, services, grids)
    in_subnet = parent_id in grids.cells
    left = PADDING
    if in_subnet and isinstance(parent, SubnetNode):
        # Centred in the subnet (as AWS diagrams draw them): the header at the top left then leaves the services
        # a way in from above, and the copies of a spanning service sit in the same place in every AZ.
        grid_columns = grids.columns[parent.id]
        width = grid_columns * SERVICE_WIDTH + (grid_columns - 1) * SERVICE_GAP_X
        left = max(PADDING, (architecture.node(parent.id).width - width) / 2)  # type: ignore[union-attr]
    layered = {} if in_subnet else _layered(parent_id, services, grids)[0]
    for index, service in enumerate(services):
        if in_subnet:
            cell = grids.cell.get(service.id, index)
            column, row = cell % grids.columns[parent_id or ""], cell // grids.columns[parent_id or ""]
        else:
            column, row = layered[service.id]
        architecture.move_node(
            service.id,
            left + column * (SERVICE_WIDTH + SERVICE_GAP_X),
            top + row * (SERVICE_HEIGHT + SERVICE_GAP_Y),
        )
    grid = _services_box(columns, rows)
    top += grid.height + (GAP if grid.height and containers else 0)
    stacked = isinstance(parent, AvailabilityZoneNode)
    vpc_rows = row_heights.get(parent.parent_id or "", []) if stacked and parent is not None else []
    for index, child in enumerate(containers):
        box = _measure(architecture, child, sizes, row_heights, grids)
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
        _layout_children(architecture, child, sizes, row_heights, grids)
