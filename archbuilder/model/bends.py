"""Where the bend points a user dragged a connection's route to are kept, and where they go when its ends move.

A connection's `bends` are relative to the top-left corner of its frame: the innermost container holding both
its ends (the scene's origin when they share none). Moving that container, or one around it, takes the bends
along without touching the connection. When the ends move on their own (both selected and dragged, or one of
them), the bends follow them: each line of the route moves by the share of the ends' moves its place along the
route gives it, so bends near an end go with that end and the route stays square.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from archbuilder.model.architecture import Architecture
from archbuilder.model.connections import Connection
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH

Point = tuple[float, float]


def frame_of(architecture: Architecture, source_id: str, target_id: str) -> str | None:
    """The innermost container holding both ends (None: the canvas)."""
    around_source = [a.id for a in architecture.ancestors(source_id)]
    around_target = {a.id for a in architecture.ancestors(target_id)}
    return next((a for a in around_source if a in around_target), None)


def origin(architecture: Architecture, node_id: str | None) -> Point:
    """A node's top-left corner in scene coordinates ((0, 0) for the canvas)."""
    if node_id is None:
        return (0.0, 0.0)
    node = architecture.node(node_id)
    x, y = node.x, node.y
    for ancestor in architecture.ancestors(node_id):
        x += ancestor.x
        y += ancestor.y
    return (x, y)


def absolute_bends(architecture: Architecture, connection: Connection) -> tuple[Point, ...]:
    """The connection's bends in scene coordinates."""
    if not connection.bends:
        return ()
    ox, oy = origin(architecture, frame_of(architecture, connection.source_id, connection.target_id))
    return tuple((ox + x, oy + y) for x, y in connection.bends)


def relative_bends(
    architecture: Architecture, source_id: str, target_id: str, points: Sequence[Point]
) -> tuple[Point, ...]:
    """Scene points as the bends of a connection between these ends (relative to its frame)."""
    ox, oy = origin(architecture, frame_of(architecture, source_id, target_id))
    return tuple((float(x) - ox, float(y) - oy) for x, y in points)


def centre(architecture: Architecture, service_id: str) -> Point:
    x, y = origin(architecture, service_id)
    return (x + SERVICE_WIDTH / 2, y + SERVICE_HEIGHT / 2)


def followed(bends: Sequence[Point], ends: tuple[Point, Point], moves: tuple[Point, Point]) -> list[Point]:
    """The bends (scene coordinates) after the source moved by `moves[0]` and the target by `moves[1]`; `ends`
    are where the two ends were (their centres). A bend a fraction t along the route from the source moves by
    (1 - t) of the source's move and t of the target's; bends on one vertical line share their x move and bends
    on one horizontal line their y move (taken at the line's middle), so square corners stay square."""
    if not bends:
        return []
    (sdx, sdy), (tdx, tdy) = moves
    if (sdx, sdy) == (tdx, tdy):
        return [(x + sdx, y + sdy) for x, y in bends]
    shares = _shares([ends[0], *bends, ends[1]])[1:-1]
    xs = _on_lines(bends, shares, axis=0)
    ys = _on_lines(bends, shares, axis=1)
    return [
        (x + (1 - sx) * sdx + sx * tdx, y + (1 - sy) * sdy + sy * tdy)
        for (x, y), sx, sy in zip(bends, xs, ys, strict=True)
    ]


def _shares(points: list[Point]) -> list[float]:
    """How far along the polyline each point is, as a fraction of its length."""
    walked = [0.0]
    for (ax, ay), (bx, by) in pairwise(points):
        walked.append(walked[-1] + abs(bx - ax) + abs(by - ay))
    total = walked[-1] or 1.0
    return [w / total for w in walked]


def _on_lines(bends: Sequence[Point], shares: list[float], axis: int) -> list[float]:
    """Each bend's share of the moves along `axis`: that of the middle of the run of neighbouring bends sharing
    its coordinate on that axis (one line of the route)."""
    result: list[float] = []
    start = 0
    for index in range(1, len(bends) + 1):
        if index == len(bends) or abs(bends[index][axis] - bends[start][axis]) > 1e-9:
            share = (shares[start] + shares[index - 1]) / 2
            result.extend([share] * (index - start))
            start = index
    return result


@dataclass(frozen=True)
class Place:
    """Where a connection's frame and ends are: what its bends are placed by."""

    frame: str | None
    origin: Point  # the frame's top-left corner
    ends: tuple[Point, Point]  # the ends' centres, in scene coordinates


def place_of(architecture: Architecture, connection: Connection) -> Place:
    frame = frame_of(architecture, connection.source_id, connection.target_id)
    ends = (centre(architecture, connection.source_id), centre(architecture, connection.target_id))
    return Place(frame, origin(architecture, frame), ends)


def moved_bends(bends: Sequence[Point], before: Place, now: Place) -> tuple[Point, ...] | None:
    """The stored bends after the frame and ends went from `before` to `now` (None: they stay as they are)."""
    # In the frame's coordinates while it stays the frame: a container moved with both ends inside it then
    # moves nothing, exactly (no rounding through scene coordinates); in the scene's otherwise.
    same = now.frame == before.frame
    base_before, base_now = (before.origin, now.origin) if same else ((0.0, 0.0), (0.0, 0.0))
    was = (_delta(base_before, before.ends[0]), _delta(base_before, before.ends[1]))
    is_ = (_delta(base_now, now.ends[0]), _delta(base_now, now.ends[1]))
    moves = (_delta(was[0], is_[0]), _delta(was[1], is_[1]))
    if same and all(abs(d) < 1e-9 for move in moves for d in move):
        return None
    lift = (0.0, 0.0) if same else before.origin
    points = [(x + lift[0], y + lift[1]) for x, y in bends]
    drop = (0.0, 0.0) if same else now.origin
    return tuple((x - drop[0], y - drop[1]) for x, y in followed(points, was, moves))


class BendFollower:
    """Remembers, before a move, where the connections whose ends move (the moved nodes and everything inside
    them) and their frames were, to give their bends after it."""

    def __init__(self, architecture: Architecture, moved_ids: Sequence[str]) -> None:
        self.architecture = architecture
        moving = set(moved_ids)
        for node_id in moved_ids:
            moving.update(node.id for node in architecture.descendants(node_id))
        self.bends: dict[str, tuple[Point, ...]] = {}  # as stored before the move, to put back
        self._before: dict[str, Place] = {}
        for connection in architecture.connections.values():
            if connection.bends and (connection.source_id in moving or connection.target_id in moving):
                self.bends[connection.id] = connection.bends
                self._before[connection.id] = place_of(architecture, connection)

    def after(self) -> dict[str, tuple[Point, ...]]:
        """The bends each remembered connection has now that its ends moved, where they change."""
        changed: dict[str, tuple[Point, ...]] = {}
        for connection_id, before in sorted(self._before.items()):
            connection = self.architecture.connection(connection_id)
            bends = moved_bends(self.bends[connection_id], before, place_of(self.architecture, connection))
            if bends is not None and bends != connection.bends:
                changed[connection_id] = bends
        return changed


def _delta(a: Point, b: Point) -> Point:
    return (b[0] - a[0], b[1] - a[1])
