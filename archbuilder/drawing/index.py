"""A coarse grid of boxes, to find the ones near a place without testing them all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from archbuilder.drawing.geometry import Box

T = TypeVar("T")
CELL = 200.0


class BoxIndex(Generic[T]):
    def __init__(self, cell: float = CELL) -> None:
        self._cell = cell
        self._cells: dict[tuple[int, int], list[tuple[Box, T]]] = {}

    def _keys(self, box: Box) -> Iterator[tuple[int, int]]:
        cell = self._cell
        for x in range(int(box.x // cell), int(box.right // cell) + 1):
            for y in range(int(box.y // cell), int(box.bottom // cell) + 1):
                yield (x, y)

    def add(self, box: Box, value: T) -> None:
        for key in self._keys(box):
            self._cells.setdefault(key, []).append((box, value))

    def near(self, box: Box) -> list[tuple[Box, T]]:
        """Every (box, value) whose box meets `box` (each once)."""
        found: list[tuple[Box, T]] = []
        seen: set[int] = set()
        for key in self._keys(box):
            for entry in self._cells.get(key, ()):
                if id(entry) not in seen and entry[0].meets(box):
                    seen.add(id(entry))
                    found.append(entry)
        return found

    def boxes_in(self, area: Box) -> list[Box]:
        return [box for box, _value in self.near(area)]
