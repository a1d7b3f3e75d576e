"""The grid of boxes the exports look things up in."""

from __future__ import annotations

from archbuilder.drawing.geometry import Box
from archbuilder.drawing.index import BoxIndex


def test_a_box_over_many_cells_is_found_once_by_a_query_over_many_cells() -> None:
    index: BoxIndex[str] = BoxIndex(cell=100.0)
    index.add(Box(50, 50, 500, 20), "long line")  # six cells
    index.add(Box(120, 300, 10, 10), "small")
    index.add(Box(140, 70, 10, 10), "touching")  # shares only an edge with the query below
    assert index.near(Box(80, 40, 300, 30)) == [(Box(50, 50, 500, 20), "long line")]
    assert index.near(Box(100, 60, 40, 200)) == [(Box(50, 50, 500, 20), "long line")]
    assert sorted(value for _, value in index.near(Box(0, 0, 600, 400))) == ["long line", "small", "touching"]
