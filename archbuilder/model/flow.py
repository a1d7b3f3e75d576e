"""The direction requests and data flow through a design, for the automatic layout: each connected service's
rank is the length of the longest chain of connections leading to it (entries 0, data stores last), with
cycles broken where a depth-first walk from the entries first closes them."""

from __future__ import annotations

import math

from archbuilder.model.architecture import Architecture


def flow_ranks(architecture: Architecture) -> dict[str, int]:
    """Service id -> rank, for every service with a connection; unconnected services are left out."""
    successors: dict[str, list[str]] = {}
    has_incoming: set[str] = set()
    for connection in sorted(architecture.connections.values(), key=lambda c: c.id):
        successors.setdefault(connection.source_id, []).append(connection.target_id)
        successors.setdefault(connection.target_id, [])
        has_incoming.add(connection.target_id)
    # Entries first (nothing leads to them), then the rest, so cycles are cut where they close.
    starts = sorted(successors, key=lambda node: (node in has_incoming, node))
    finished: list[str] = []
    state: dict[str, int] = {}  # 1 on the walk's path, 2 done
    back_edges: set[tuple[str, str]] = set()
    for start in starts:
        if start in state:
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, index = stack.pop()
            following = successors[node]
            if index < len(following):
                stack.append((node, index + 1))
                target = following[index]
                if state.get(target) == 1:
                    back_edges.add((node, target))
                elif target not in state:
                    state[target] = 1
                    stack.append((target, 0))
            else:
                state[node] = 2
                finished.append(node)
    ranks = dict.fromkeys(successors, 0)
    for node in reversed(finished):
        for target in successors[node]:
            if (node, target) not in back_edges:
                ranks[target] = max(ranks[target], ranks[node] + 1)
    return ranks


def layered_cells(ids: list[str], ranks: dict[str, int]) -> tuple[dict[str, tuple[int, int]], int, int]:
    """(column, row) for services laid out in flow order: each rank in its own columns, left to right, at most
    about √n services high; unconnected services in the columns after the last rank. Returns the cells and
    the grid's columns and rows. `ids` come in the order each column is filled."""
    if not ids:
        return {}, 0, 0
    rows = max(1, math.ceil(math.sqrt(len(ids))))
    groups: dict[int, list[str]] = {}
    last = max((ranks[i] for i in ids if i in ranks), default=-1) + 1
    for service_id in ids:
        groups.setdefault(ranks.get(service_id, last), []).append(service_id)
    if len(groups) == 1:
        # Nothing flows between them: a square grid filled row by row.
        columns = max(1, math.ceil(math.sqrt(len(ids))))
        square = {service_id: (index % columns, index // columns) for index, service_id in enumerate(ids)}
        return square, min(columns, len(ids)), math.ceil(len(ids) / columns)
    tallest = max(len(group) for group in groups.values())
    rows = min(rows, tallest)
    cells: dict[str, tuple[int, int]] = {}
    column = 0
    for rank in sorted(groups):
        group = groups[rank]
        for index, service_id in enumerate(group):
            cells[service_id] = (column + index // rows, index % rows)
        column += math.ceil(len(group) / rows)
    return cells, column, rows
