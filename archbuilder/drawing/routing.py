"""Orthogonal connection routes: a path of horizontal and vertical segments from one service to another that
goes around the boxes in between (services, their labels, container headers), with few bends.

The search runs over a sparse grid: the lines a margin away from each obstacle's sides plus the lines through
the ports, inside a window around both ends that widens when no route fits (A*, cost = length + a penalty
per bend). A route leaves and enters a service at the middle of a side, or at the points the user dragged
its bends to (`via`), which it then passes through in order.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import pairwise

from archbuilder.drawing.geometry import Box, Point

MARGIN = 12.0  # space kept between a route and the boxes it passes
LINE_GAP = 8.0  # candidate lines closer than this are one line
BEND_COST = 60.0  # a bend costs as much as this much more length
# On a big grid (a long route across a big design) the search trusts its estimate more: it weighs it by
# GREEDY_WEIGHT, so it looks at a fraction of the states for a route at most that much costlier than the best
# (in practice the same or a bend more). 1,000 services routed in a third of the time, no more labels or lines
# over others (bench/bench_layout_quality.py); every example's grid is smaller, its routes unchanged.
BIG_GRID = 4000  # candidate crossings
GREEDY_WEIGHT = 1.5
WINDOWS = (120.0, 480.0, None)  # how far around both ends the grid reaches (None: every obstacle)
SIDES = ("top", "right", "bottom", "left")
_STEP = {"top": (0, -1), "right": (1, 0), "bottom": (0, 1), "left": (-1, 0)}
_STEPS = ((0, 1, 0), (1, 0, 1), (2, -1, 0), (3, 0, -1))  # heading (0 right, 1 down, 2 left, 3 up), di, dj
_INFINITY = float("inf")


def port(box: Box, side: str, margin: float = MARGIN, aim: Point | None = None) -> tuple[Point, Point]:
    """The point where a route meets a side (in line with `aim`, the box's centre by default), and the point a
    margin outside it (the route's first bend)."""
    cx, cy = aim if aim is not None else box.center
    x, y = {"top": (cx, box.y), "right": (box.right, cy), "bottom": (cx, box.bottom), "left": (box.x, cy)}[
        side
    ]
    dx, dy = _STEP[side]
    return (x, y), (x + dx * margin, y + dy * margin)


def route(
    source: Box,
    target: Box,
    obstacles: Sequence[Box],
    via: Sequence[Point] = (),
    margin: float = MARGIN,
    aims: tuple[Point | None, Point | None] = (None, None),
) -> list[Point]:
    """The route's points from the source's outline to the target's (the arrow's tip), bends in between.
    `aims` are the points of each end that side ports line up with (an icon's centre above its label)."""
    if via:
        return _route_via(source, target, obstacles, list(via), margin, aims)
    # The ends are obstacles too: a route leaves and enters them only at a port.
    obstacles = [*obstacles, source, target]
    starts = {side: port(source, side, margin, aims[0]) for side in SIDES}
    ends = {side: port(target, side, margin, aims[1]) for side in SIDES}
    for window in WINDOWS:
        found = _search(
            [(s[1], s[0]) for s in starts.values()],
            [(e[1], e[0]) for e in ends.values()],
            obstacles,
            _window(source, target, window),
        )
        if found is not None:
            return simplify(found)
    return simplify(_fallback(source, target))


def quick_route(
    source: Box, target: Box, aims: tuple[Point | None, Point | None] = (None, None)
) -> list[Point]:
    """A route with at most two bends that looks at nothing in between: what a connection follows while one
    of its ends is dragged (a full route is searched when the drag ends)."""
    if target.x >= source.right + 2 * MARGIN or source.x >= target.right + 2 * MARGIN:
        rightwards = target.x >= source.right
        start, _ = port(source, "right" if rightwards else "left", aim=aims[0])
        end, _ = port(target, "left" if rightwards else "right", aim=aims[1])
        middle = (start[0] + end[0]) / 2
        return simplify([start, (middle, start[1]), (middle, end[1]), end])
    downwards = target.y >= source.center[1]
    start, _ = port(source, "bottom" if downwards else "top", aim=aims[0])
    end, _ = port(target, "top" if downwards else "bottom", aim=aims[1])
    middle = (start[1] + end[1]) / 2
    return simplify([start, (start[0], middle), (end[0], middle), end])


def moved_bend(points: Sequence[Point], index: int, to: Point) -> list[Point]:
    """The bends of a route (its points without the two ends) after its bend `index` was dragged to `to`:
    the segments on either side move with it (the neighbour along a vertical segment takes the new x, along
    a horizontal one the new y), so the route stays orthogonal; the ends stay on their services."""
    moved = list(points)
    at = index + 1
    old = moved[at]
    for neighbour in (at - 1, at + 1):
        if 0 < neighbour < len(moved) - 1:
            x, y = moved[neighbour]
            if x == old[0]:
                moved[neighbour] = (to[0], y)
            elif y == old[1]:
                moved[neighbour] = (x, to[1])
    moved[at] = to
    return moved[1:-1]


def _route_via(
    source: Box,
    target: Box,
    obstacles: Sequence[Box],
    via: list[Point],
    margin: float,
    aims: tuple[Point | None, Point | None],
) -> list[Point]:
    """Through the user's bend points in order: straight to and from each, squared off where needed."""
    points: list[Point] = []
    first = _nearest_port(source, via[0], margin, aims[0])
    last = _nearest_port(target, via[-1], margin, aims[1])
    chain = [first[0], *via, last[0]]
    for index, (a, b) in enumerate(pairwise(chain)):
        if index == 0:
            points.append(a)
        if a[0] != b[0] and a[1] != b[1]:
            points.append((b[0], a[1]) if index == 0 else (a[0], b[1]))
        points.append(b)
    return simplify(points)


def _nearest_port(box: Box, toward: Point, margin: float, aim: Point | None) -> tuple[Point, Point]:
    return min(
        (port(box, side, margin, aim) for side in SIDES),
        key=lambda p: abs(p[0][0] - toward[0]) + abs(p[0][1] - toward[1]),
    )


def _window(source: Box, target: Box, reach: float | None) -> Box | None:
    if reach is None:
        return None
    return source.united(target).grown(reach)


def _fallback(source: Box, target: Box) -> list[Point]:
    """A plain Z shape, when nothing else fits."""
    start, _ = port(source, "right" if target.x >= source.right else "left")
    end, _ = port(target, "left" if target.x >= source.right else "right")
    middle = (start[0] + end[0]) / 2
    return [start, (middle, start[1]), (middle, end[1]), end]


def simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of three on one line."""
    kept: list[Point] = []
    for point in points:
        if kept and abs(kept[-1][0] - point[0]) < 1e-6 and abs(kept[-1][1] - point[1]) < 1e-6:
            continue
        if len(kept) >= 2:
            a, b = kept[-2], kept[-1]
            if (a[0] == b[0] == point[0]) or (a[1] == b[1] == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return kept


class _Grid:
    """The sparse grid of candidate lines, with which of its steps cross an obstacle."""

    def __init__(self, xs: list[float], ys: list[float], obstacles: Sequence[Box]) -> None:
        self.xs, self.ys = xs, ys
        columns, rows = len(xs), len(ys)
        self.h_blocked = [bytearray(columns) for _ in range(rows)]  # step from column i to i + 1 on row j
        self.v_blocked = [bytearray(rows) for _ in range(columns)]  # step from row j to j + 1 on column i
        for box in obstacles:
            row_lo, row_hi = bisect_right(ys, box.y), bisect_left(ys, box.bottom)
            col_lo, col_hi = bisect_right(xs, box.x), bisect_left(xs, box.right)
            # Steps between the columns around the box, on the rows strictly inside it, cross it.
            for j in range(row_lo, row_hi):
                blocked = self.h_blocked[j]
                for i in range(max(col_lo - 1, 0), min(col_hi, columns - 1)):
                    blocked[i] = 1
            for i in range(col_lo, col_hi):
                blocked = self.v_blocked[i]
                for j in range(max(row_lo - 1, 0), min(row_hi, rows - 1)):
                    blocked[j] = 1


def _search(
    starts: list[tuple[Point, Point]],
    ends: list[tuple[Point, Point]],
    obstacles: Sequence[Box],
    window: Box | None,
) -> list[Point] | None:
    """A* from any start (stub, port) to any end (stub, port); the stubs must lie outside every obstacle."""
    inside = [o for o in obstacles if window is None or o.meets(window)]
    grid = _grid_for(starts + ends, inside, window)
    index_x = {x: i for i, x in enumerate(grid.xs)}
    index_y = {y: j for j, y in enumerate(grid.ys)}
    goal: dict[tuple[int, int], tuple[int, Point]] = {}
    for stub, end_port in ends:
        if stub[0] in index_x and stub[1] in index_y and not _buried(stub, inside):
            goal[(index_x[stub[0]], index_y[stub[1]])] = (_direction(stub, end_port), end_port)
    if not goal:
        return None
    seeds = [
        (index_x[stub[0]], index_y[stub[1]], _direction(start_port, stub), start_port, stub)
        for stub, start_port in starts
        if stub[0] in index_x and stub[1] in index_y and not _buried(stub, inside)
    ]
    return _a_star(grid, seeds, goal, _estimator(grid, goal))


def _estimator(
    grid: _Grid, goal: dict[tuple[int, int], tuple[int, Point]]
) -> Callable[[int, int, int], float]:
    """What is left at least from a state: distance plus the bends no route can avoid. The stubs lie on one
    box around the target: the distance to that box never overestimates."""
    xs, ys = grid.xs, grid.ys
    left, right = min(xs[i] for i, _ in goal), max(xs[i] for i, _ in goal)
    top, bottom = min(ys[j] for _, j in goal), max(ys[j] for _, j in goal)
    # Which way each line lies from that box: -1 before it, 0 across it, 1 past it.
    side_x = [(-1 if x < left else 1 if x > right else 0) for x in xs]
    side_y = [(-1 if y < top else 1 if y > bottom else 0) for y in ys]
    weight = 1.0 if len(xs) * len(ys) <= BIG_GRID else GREEDY_WEIGHT
    dx = [weight * max(left - x, 0.0, x - right) for x in xs]
    dy = [weight * max(top - y, 0.0, y - bottom) for y in ys]
    bend_cost = weight * BEND_COST

    def estimate(i: int, j: int, heading: int) -> float:
        """One bend when the box is off both ways, two when the route heads away from it."""
        sx, sy = side_x[i], side_y[j]
        bends = 1 if sx and sy else 0
        if (
            (heading == 0 and sx > 0)
            or (heading == 2 and sx < 0)
            or (heading == 1 and sy > 0)
            or (heading == 3 and sy < 0)
        ):
            bends = 2
        return dx[i] + dy[j] + bends * bend_cost

    return estimate


def _a_star(
    grid: _Grid,
    seeds: list[tuple[int, int, int, Point, Point]],
    goal: dict[tuple[int, int], tuple[int, Point]],
    estimate: Callable[[int, int, int], float],
) -> list[Point] | None:
    """The cheapest route (length, BEND_COST a bend) from a seed (column, row, heading, port, stub) to a goal.
    Ties on the estimate go to the state furthest along (-cost): equal-length routes abound on a grid. A state
    (column i, row j, heading) is the number (i * rows + j) * 4 + heading, which sorts as the tuple would."""
    xs, ys, h_blocked, v_blocked = grid.xs, grid.ys, grid.h_blocked, grid.v_blocked
    columns, rows = len(xs), len(ys)
    arriving = {i * rows + j: entry[0] for (i, j), entry in goal.items()}  # the heading a target wants
    best = [_INFINITY] * (columns * rows * 4)
    came: dict[int, int] = {}
    origin: dict[int, Point] = {}
    heap: list[tuple[float, float, int, int, int]] = []
    push, pop = heapq.heappush, heapq.heappop
    for i, j, heading, start_port, stub in seeds:
        state = (i * rows + j) * 4 + heading
        cost = abs(stub[0] - start_port[0]) + abs(stub[1] - start_port[1])
        if cost < best[state]:
            best[state], origin[state] = cost, start_port
            push(heap, (cost + estimate(i, j, heading), -cost, i, j, heading))
    while heap:
        _f, negative, i, j, heading = pop(heap)
        cost, cell = -negative, i * rows + j
        state = cell * 4 + heading
        if cost > best[state]:
            continue
        if arriving.get(cell) == heading:
            return [*_unwind(state, came, origin, xs, ys, rows), goal[(i, j)][1]]
        back = (heading + 2) % 4
        for step, di, dj in _STEPS:  # right, down, left, up, with what each costs (length and bends)
            ni, nj = i + di, j + dj
            if step == back or not (0 <= ni < columns and 0 <= nj < rows):
                continue  # no going straight back, nor off the grid
            if (h_blocked[j][min(i, ni)]) if dj == 0 else (v_blocked[i][min(j, nj)]):
                continue
            new_cost = (
                cost + abs(xs[ni] - xs[i]) + abs(ys[nj] - ys[j]) + (BEND_COST if step != heading else 0.0)
            )
            new_heading, wanted = step, arriving.get(ni * rows + nj)
            if wanted is not None and wanted != step:
                # Arriving at a target's stub from the side: the turn into the target is one more bend.
                new_cost += BEND_COST
                new_heading = wanted
            key = (ni * rows + nj) * 4 + new_heading
            if new_cost < best[key]:
                best[key], came[key] = new_cost, state
                push(heap, (new_cost + estimate(ni, nj, new_heading), -new_cost, ni, nj, new_heading))
    return None


def _grid_for(ends: list[tuple[Point, Point]], inside: list[Box], window: Box | None) -> _Grid:
    """The lines through the stubs and a margin off each obstacle's sides, within the window; of lines closer
    than LINE_GAP only one is kept (labels of different widths would otherwise make a line each)."""
    stub_xs = {stub[0] for stub, _port in ends}
    stub_ys = {stub[1] for stub, _port in ends}
    xs_set: set[float] = set()
    ys_set: set[float] = set()
    for box in inside:
        xs_set.update((box.x - MARGIN, box.right + MARGIN))
        ys_set.update((box.y - MARGIN, box.bottom + MARGIN))
    if window is not None:
        xs_set = {x for x in xs_set if window.x <= x <= window.right} | {window.x, window.right}
        ys_set = {y for y in ys_set if window.y <= y <= window.bottom} | {window.y, window.bottom}
    return _Grid(_thinned(xs_set, stub_xs), _thinned(ys_set, stub_ys), inside)


def _thinned(values: set[float], kept: set[float]) -> list[float]:
    """`kept` and those of `values` at least LINE_GAP from every line kept before them, sorted."""
    lines = sorted(kept)
    for value in sorted(values):
        index = bisect_left(lines, value)
        near = (index > 0 and value - lines[index - 1] < LINE_GAP) or (
            index < len(lines) and lines[index] - value < LINE_GAP
        )
        if not near:
            lines.insert(index, value)
    return lines


def _direction(a: Point, b: Point) -> int:
    """0 right, 1 down, 2 left, 3 up: the heading from a to b."""
    if b[0] > a[0]:
        return 0
    if b[1] > a[1]:
        return 1
    if b[0] < a[0]:
        return 2
    return 3


def _buried(point: Point, obstacles: Sequence[Box]) -> bool:
    return any(o.x < point[0] < o.right and o.y < point[1] < o.bottom for o in obstacles)


def _unwind(
    state: int, came: dict[int, int], origin: dict[int, Point], xs: list[float], ys: list[float], rows: int
) -> list[Point]:
    points: list[Point] = []
    current: int | None = state
    first = state
    while current is not None:
        cell = current // 4
        points.append((xs[cell // rows], ys[cell % rows]))
        first = current
        current = came.get(current)
    points.append(origin[first])
    points.reverse()
    return points
