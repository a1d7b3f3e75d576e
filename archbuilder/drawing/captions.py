"""Where a connection's caption goes: on one of its route's segments, longest first, nearest the middle,
where it covers no icon, label, header or other caption and lies across no container border; else where it
covers least."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import pairwise

from archbuilder.drawing.geometry import Box, Point

ALONG = (0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9)  # fractions of a segment, from its middle outwards
END_ROOM = 14.0  # keep a caption this far from the route's ends (arrow head, port)
STEP = 24.0


def caption_candidates(points: Sequence[Point], size: tuple[float, float]) -> list[Box]:
    """Boxes of `size` centred on the route's segments, longest segment first, middle first; then beside them."""
    width, height = size
    segments = sorted(
        pairwise(points),
        key=lambda seg: -(abs(seg[1][0] - seg[0][0]) + abs(seg[1][1] - seg[0][1])),
    )
    on_line: list[Box] = []
    beside: list[Box] = []
    for (ax, ay), (bx, by) in segments:
        length = abs(bx - ax) + abs(by - ay)
        horizontal = ay == by
        needed = (width if horizontal else height) + 2 * END_ROOM
        fractions = list(ALONG) if length >= needed else [0.5]
        if length >= needed:
            # Long segments also offer a place every STEP along them, from the middle outwards.
            steps = int((length - needed) / 2 // STEP)
            fractions += [0.5 + sign * k * STEP / length for k in range(1, steps + 1) for sign in (-1, 1)]
        for fraction in fractions:
            cx, cy = ax + (bx - ax) * fraction, ay + (by - ay) * fraction
            if length >= needed:  # on a shorter stretch the caption would hide the line: beside it only
                on_line.append(Box(cx - width / 2, cy - height / 2, width, height))
            if horizontal:
                beside.append(Box(cx - width / 2, cy - height - 3, width, height))
                beside.append(Box(cx - width / 2, cy + 3, width, height))
            else:
                beside.append(Box(cx + 3, cy - height / 2, width, height))
                beside.append(Box(cx - width - 3, cy - height / 2, width, height))
    return on_line + beside


def place_caption(points: Sequence[Point], size: tuple[float, float], cost: Callable[[Box], float]) -> Box:
    """The first candidate box whose `cost` (area covered, borders crossed) is 0, else the cheapest."""
    return place_caption_within(points, size, lambda box, _limit: cost(box))


def place_caption_within(
    points: Sequence[Point], size: tuple[float, float], cost: Callable[[Box, float], float]
) -> Box:
    """As `place_caption`, with a `cost(box, limit)` that may stop adding up once it reaches `limit` (the
    cheapest so far, which that box can then not beat) and return what it has: the same box is chosen."""
    best: tuple[float, Box] | None = None
    for box in caption_candidates(points, size):
        covered = cost(box, best[0] if best is not None else math.inf)
        if covered <= 0:
            return box
        if best is None or covered < best[0]:
            best = (covered, box)
    if best is None:
        x, y = points[0]
        return Box(x, y, *size)
    return best[1]
