"""Orthogonal routes: horizontal and vertical segments from side to side, around what lies between."""

from __future__ import annotations

from itertools import pairwise

from archbuilder.drawing.geometry import Box, segment_crosses
from archbuilder.drawing.routing import Crowding, route


def _orthogonal(points: list[tuple[float, float]]) -> bool:
    return all(a[0] == b[0] or a[1] == b[1] for a, b in pairwise(points))


def _clear(points: list[tuple[float, float]], boxes: list[Box]) -> bool:
    return not any(segment_crosses(a, b, box) for a, b in pairwise(points) for box in boxes)


def test_a_clear_line_is_straight_from_side_to_side() -> None:
    source, target = Box(0, 0, 48, 80), Box(200, 0, 48, 80)
    assert route(source, target, []) == [(48.0, 40.0), (200.0, 40.0)]


def test_a_route_goes_around_a_box_in_the_way_with_two_bends() -> None:
    source, target, wall = Box(0, 0, 48, 80), Box(400, 0, 48, 80), Box(200, -20, 48, 120)
    points = route(source, target, [wall])
    assert points == [(24.0, 0.0), (24.0, -32.0), (424.0, -32.0), (424.0, 0.0)]
    assert _orthogonal(points) and _clear(points, [wall])


def test_a_route_through_a_grid_of_services_touches_none_of_them() -> None:
    boxes = [Box(i * 132.0, j * 112.0, 48, 80) for i in range(8) for j in range(8)]
    source, target = boxes[0], boxes[-1]
    others = boxes[1:-1]
    points = route(source, target, others)
    assert _orthogonal(points) and _clear(points, others)
    assert source.contains_point(points[0]) and target.contains_point(points[-1])
    assert len(points) - 2 <= 3  # out, along a free lane across, down a free lane, in: three bends


def test_side_ports_line_up_with_the_aim_and_crowded_lanes_are_avoided() -> None:
    source, target = Box(0, 0, 48, 100), Box(300, 0, 48, 100)
    assert route(source, target, [], aims=((24, 24), (324, 24))) == [(48.0, 24.0), (300.0, 24.0)]
    crowding = Crowding()
    first = route(Box(0, 200, 48, 80), Box(300, 400, 48, 80), [], crowding=crowding)
    crowding.add(first)
    second = route(Box(0, 210, 48, 80), Box(300, 410, 48, 80), [], crowding=crowding)
    shared = sum(1 for a, b in pairwise(second) for c, d in pairwise(first) if (a, b) == (c, d) and a != b)
    assert shared == 0


def test_a_route_passes_through_the_points_the_user_dragged_its_bends_to() -> None:
    source, target = Box(0, 0, 48, 80), Box(300, 200, 48, 80)
    points = route(source, target, [], via=[(150.0, 40.0), (150.0, 240.0)])
    assert (150.0, 40.0) in points and (150.0, 240.0) in points
    assert _orthogonal(points)
    assert points[0] == (48.0, 40.0) and points[-1] == (300.0, 240.0)
