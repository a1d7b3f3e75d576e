"""Orthogonal routes: horizontal and vertical segments from side to side, around what lies between."""

from __future__ import annotations

from itertools import pairwise

from archbuilder.drawing import routing
from archbuilder.drawing.geometry import Box, segment_crosses
from archbuilder.drawing.nudging import nudge
from archbuilder.drawing.routing import moved_bend, quick_route, route


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


def test_side_ports_line_up_with_the_aim() -> None:
    source, target = Box(0, 0, 48, 100), Box(300, 0, 48, 100)
    assert route(source, target, [], aims=((24, 24), (324, 24))) == [(48.0, 24.0), (300.0, 24.0)]


def test_routes_sharing_a_stretch_are_spread_apart_unless_that_crosses_something() -> None:
    first = [(0.0, 0.0), (0.0, 20.0), (100.0, 20.0), (100.0, 200.0), (120.0, 200.0)]
    second = [(10.0, 0.0), (10.0, 30.0), (100.0, 30.0), (100.0, 150.0), (130.0, 150.0)]
    spread = nudge({"a": first, "b": second}, lambda a, b, key: False)
    # The shared vertical stretch at x 100 becomes two lines 4 apart; the port segments stay.
    assert spread["a"][2:4] == [(98.0, 20.0), (98.0, 200.0)]
    assert spread["b"][2:4] == [(102.0, 30.0), (102.0, 150.0)]
    assert spread["a"][0] == first[0] and spread["b"][-1] == second[-1]
    kept = nudge({"a": first, "b": second}, lambda a, b, key: key == "b")
    assert kept["b"] == second


def test_a_route_passes_through_the_points_the_user_dragged_its_bends_to() -> None:
    source, target = Box(0, 0, 48, 80), Box(300, 200, 48, 80)
    points = route(source, target, [], via=[(150.0, 40.0), (150.0, 240.0)])
    assert (150.0, 40.0) in points and (150.0, 240.0) in points
    assert _orthogonal(points)
    assert points[0] == (48.0, 40.0) and points[-1] == (300.0, 240.0)


def test_moving_a_bend_moves_the_segments_on_either_side_with_it() -> None:
    route_points = [(0.0, 40.0), (100.0, 40.0), (100.0, 200.0), (300.0, 200.0)]
    # The first bend goes 30 right and 10 down: the horizontal segment before it follows its y (the route's
    # start stays on its service), the vertical segment after it follows its x.
    assert moved_bend(route_points, 0, (130.0, 50.0)) == [(130.0, 50.0), (130.0, 200.0)]
    assert moved_bend(route_points, 1, (100.0, 260.0)) == [(100.0, 40.0), (100.0, 260.0)]


def test_a_quick_route_has_at_most_two_bends_between_facing_sides() -> None:
    assert quick_route(Box(0, 0, 48, 80), Box(200, 100, 48, 80)) == [
        (48.0, 40.0),
        (124.0, 40.0),
        (124.0, 140.0),
        (200.0, 140.0),
    ]
    assert quick_route(Box(0, 0, 48, 80), Box(10, 300, 48, 80)) == [
        (24.0, 80.0),
        (24.0, 190.0),
        (34.0, 190.0),
        (34.0, 300.0),
    ]


def _cost(points: list[tuple[float, float]]) -> float:
    """What the search minimises: length, and BEND_COST for each bend."""
    length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in pairwise(points))
    return length + routing.BEND_COST * (len(points) - 2)


def test_a_route_across_a_big_grid_is_searched_greedily_and_costs_at_most_the_weight_more(
    monkeypatch,
) -> None:
    # A field of 40 × 40 services between the ends: far more candidate crossings than BIG_GRID.
    field = [Box(100 + 130 * i + (i * j) % 7, 100 + 120 * j, 48, 80) for i in range(40) for j in range(40)]
    source, target = Box(0, 0, 48, 80), Box(5400, 4900, 48, 80)
    greedy = route(source, target, field)
    monkeypatch.setattr(routing, "BIG_GRID", 10**9)  # the exact search, for comparison
    best = route(source, target, field)
    assert _orthogonal(greedy) and _clear(greedy, field) and _clear(best, field)
    assert greedy[0] in {(48.0, 40.0), (24.0, 80.0)} and greedy[-1] in {(5400.0, 4940.0), (5424.0, 4900.0)}
    assert _cost(best) <= _cost(greedy) <= routing.GREEDY_WEIGHT * _cost(best)


def test_a_small_grid_gets_the_exact_search(monkeypatch) -> None:
    wall = Box(200, -20, 48, 120)
    expected = route(Box(0, 0, 48, 80), Box(400, 0, 48, 80), [wall])
    monkeypatch.setattr(routing, "GREEDY_WEIGHT", 50.0)  # would change this route if it were used
    assert route(Box(0, 0, 48, 80), Box(400, 0, 48, 80), [wall]) == expected
