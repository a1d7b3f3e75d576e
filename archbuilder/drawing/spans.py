"""Where a multi-subnet service is drawn again in each extra subnet it spans (an "AZ copy"): on the service's
row, in the same column of the subnet when that is free, else at the nearest free place. The canvas and the
exports place copies with these same functions, so a copy sits in the same place in both."""

from __future__ import annotations

from collections.abc import Iterable

from archbuilder.drawing.geometry import Box, Point
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH

SPAN_GAP = 4.0  # space kept between a copy and the services around it
SPAN_MARGIN = 4.0  # space kept between a copy and its subnet's border
HEADER_HEIGHT = 32.0  # a container's header band, where nothing is placed

Edges = tuple[float, float, float, float]  # left, top, right, bottom of an obstacle widened by the gap


def widened(box: Box, gap: float = SPAN_GAP) -> Edges:
    return (box.x - gap, box.y - gap, box.right + gap, box.bottom + gap)


def overlap(x: float, y: float, width: float, height: float, edges: Iterable[Edges]) -> float:
    right, bottom = x + width, y + height
    total = 0.0
    for left_o, top_o, right_o, bottom_o in edges:
        if left_o < right and x < right_o and top_o < bottom and y < bottom_o:
            total += (min(right, right_o) - max(x, left_o)) * (min(bottom, bottom_o) - max(y, top_o))
    return total


def free_place(
    aligned: Point,
    area: Box,
    edges: list[Edges],
    size: tuple[float, float] = (SERVICE_WIDTH, SERVICE_HEIGHT),
) -> Point:
    """The top-left corner for a box of `size` inside `area` nearest to `aligned` (same row first, then the
    nearest column) that meets none of the (widened) obstacles; when nothing is free, the candidate
    overlapping them least."""
    width, height = size
    max_x, max_y = area.right - width, area.bottom - height

    def clamp(value: float, low: float, high: float) -> float:
        return low if high < low else min(max(value, low), high)

    ax, ay = clamp(aligned[0], area.x, max_x), clamp(aligned[1], area.y, max_y)
    # The aligned place is the first candidate of the search below: when it is free (the usual case, and
    # always so in an automatic layout) no candidate list is needed, which keeps a layout pass linear.
    if overlap(ax, ay, width, height, edges) == 0.0:
        return (ax, ay)
    xs = {ax, area.x}
    ys = {ay, area.y}
    for left_o, top_o, right_o, bottom_o in edges:
        xs.update((right_o, left_o - width))
        ys.update((bottom_o, top_o - height))
    xs = {x for x in xs if area.x <= x <= max_x} or {ax}
    ys = {y for y in ys if area.y <= y <= max_y} or {ay}
    best: tuple[float, float, float, Point] | None = None
    ordered_xs = sorted(xs, key=lambda value: (abs(value - ax), value))
    for y in sorted(ys, key=lambda value: (abs(value - ay), value)):
        # A box only meets the obstacles of its row band: filter them once per row, not per candidate.
        bottom = y + height
        band = [edge for edge in edges if edge[1] < bottom and y < edge[3]]
        for x in ordered_xs:
            covered = overlap(x, y, width, height, band)
            if covered == 0.0:
                return (x, y)
            key = (covered, abs(y - ay), abs(x - ax), (x, y))
            if best is None or key[:3] < best[:3]:
                best = key
    assert best is not None
    return best[3]


def copy_places(
    subnet: Box,
    services: list[Box],
    copies: list[tuple[str, Point, float]],
) -> dict[str, Point]:
    """Top-left corners (relative to the subnet) of the copies drawn in one subnet.

    `subnet` is the subnet's box in scene coordinates, `services` the boxes of the services in it (relative to
    it), `copies` for each copy (sorted by service id) its service id, its service's position relative to the
    service's own subnet, and the service's scene y. A copy goes on the service's row when the subnet reaches
    it, else on the same row within the subnet."""
    area = Box(
        SPAN_MARGIN,
        HEADER_HEIGHT,
        subnet.width - 2 * SPAN_MARGIN,
        subnet.height - HEADER_HEIGHT - SPAN_MARGIN,
    )
    edges = [widened(box) for box in services]
    places: dict[str, Point] = {}
    for service_id, (column, own_row), scene_y in copies:
        row = scene_y - subnet.y
        if not area.y <= row <= area.bottom - SERVICE_HEIGHT:
            row = own_row
        place = free_place((column, row), area, edges)
        places[service_id] = place
        edges.append(widened(Box(place[0], place[1], SERVICE_WIDTH, SERVICE_HEIGHT)))
    return places
