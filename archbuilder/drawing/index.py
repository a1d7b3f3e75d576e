"""A coarse grid of boxes, to find the ones near a place without testing them all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from archbuilder.drawing.geometry import Box

T = TypeVar("T")
CELL = 200.0


class BoxIndex(Generic[T]):
    """Each entry is filed with its box's sides worked out once: `near` runs for every candidate place of every
    caption and every route's crossing test (hundreds of thousands of times at 1,000 services)."""

    def __init__(self, cell: float = CELL) -> None:
        self._cell = cell
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float, Box, T]]] = {}

    def _keys(self, box: Box) -> Iterator[tuple[int, int]]:
        cell = self._cell
        for x in range(int(box.x // cell), int(box.right // cell) + 1):
            for y in range(int(box.y // cell), int(box.bottom // cell) + 1):
                yield (x, y)

    def add(self, box: Box, value: T) -> None:
        entry = (box.x, box.y, box.right, box.bottom, box, value)
        for key in self._keys(box):
            self._cells.setdefault(key, []).append(entry)

    def near(self, box: Box) -> list[tuple[Box, T]]:
        """Every (box, value) whose box meets `box` (each once; interiors overlap, as Box.meets)."""
        left, top = box.x, box.y
        right, bottom = left + box.width, top + box.height
        cell, cells = self._cell, self._cells
        found: list[tuple[Box, T]] = []
        seen: set[int] = set()
        for x in range(int(left // cell), int(right // cell) + 1):
            for y in range(int(top // cell), int(bottom // cell) + 1):
                for entry in cells.get((x, y), ()):
                    meets = entry[0] < right and left < entry[2] and entry[1] < bottom and top < entry[3]
                    if meets and id(entry) not in seen:
                        seen.add(id(entry))
                        found.append((entry[4], entry[5]))
        return found

    def boxes_in(self, area: Box) -> list[Box]:
        return [box for box, _value in self.near(area)]
