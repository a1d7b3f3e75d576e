"""Routes that run along the same line are drawn side by side: each stretch shared by several routes is
spread over a few points across the line, so every connection can be followed on its own.

Routing first and spreading after is much cheaper than making each route keep off the others while it is
searched (the search then explores far more of the grid), and it reads the same."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from archbuilder.drawing.geometry import Point

SPREAD = 6.0  # at most this far off the shared line, either side (routes keep 12 from the boxes they pass)
STEP = 4.0  # between neighbouring routes on one stretch, when there is room


def nudge(
    routes: dict[str, list[Point]], crosses: Callable[[Point, Point, str], bool]
) -> dict[str, list[Point]]:
    """The routes with their shared inner stretches spread apart; the first and last segments (at the ports)
    stay where they are. A route whose inner segments a spread would take through something
    (`crosses(a, b, key)`) keeps its own line."""
    # (vertical?, coordinate) -> [(low, high, route key, index of the segment's first point)]
    lines: dict[tuple[bool, float], list[tuple[float, float, str, int]]] = {}
    for key, points in routes.items():
        for index, (a, b) in enumerate(pairwise(points)):
            if index == 0 or index == len(points) - 2:
                continue
            vertical = a[0] == b[0]
            coordinate, low, high = (a[0], a[1], b[1]) if vertical else (a[1], a[0], b[0])
            lines.setdefault((vertical, coordinate), []).append((min(low, high), max(low, high), key, index))
    moved = {key: [list(point) for point in points] for key, points in routes.items()}
    for (vertical, _coordinate), segments in sorted(lines.items()):
        for cluster in _overlapping(segments):
            if len(cluster) < 2:
                continue
            step = min(STEP, 2 * SPREAD / (len(cluster) - 1))
            for rank, (_low, _high, key, index) in enumerate(cluster):
                offset = (rank - (len(cluster) - 1) / 2) * step
                axis = 0 if vertical else 1
                moved[key][index][axis] += offset
                moved[key][index + 1][axis] += offset
    spread: dict[str, list[Point]] = {}
    for key, corners in moved.items():
        candidate = [(corner[0], corner[1]) for corner in corners]
        # The segments at the ports only change length; the inner ones moved and are checked.
        inner = list(pairwise(candidate))[1:-1]
        clear = not any(crosses(a, b, key) for a, b in inner)
        spread[key] = candidate if clear else routes[key]
    return spread


def _overlapping(segments: list[tuple[float, float, str, int]]) -> list[list[tuple[float, float, str, int]]]:
    """Segments on one line in clusters that overlap (a cluster is sorted by route key, for a stable order)."""
    clusters: list[list[tuple[float, float, str, int]]] = []
    reach = float("-inf")
    for segment in sorted(segments):
        if clusters and segment[0] < reach:
            clusters[-1].append(segment)
            reach = max(reach, segment[1])
        else:
            clusters.append([segment])
            reach = segment[1]
    return [sorted(cluster, key=lambda s: (s[2], s[3])) for cluster in clusters]
