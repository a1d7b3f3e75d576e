"""The PNG's resolution: 96 dpi, lower only for pictures past MAX_PIXELS on their longer side."""

from __future__ import annotations

from archbuilder.drawing.diagram import TITLE_BAND, Diagram
from archbuilder.drawing.geometry import Box
from archbuilder.exporters.diagram.build import MAX_PIXELS, build_graph, png_dpi


def _diagram(width: float, height: float) -> Diagram:
    return Diagram(title="Sized", bounds=Box(0, 0, width, height))


def test_a_picture_up_to_max_pixels_is_drawn_at_96_dpi_and_a_bigger_one_lower() -> None:
    widest = MAX_PIXELS * 72 / 96  # points
    assert png_dpi(_diagram(widest, 1000)) == 96
    assert png_dpi(_diagram(1000, widest - TITLE_BAND)) == 96  # the title band counts
    assert png_dpi(_diagram(2 * widest, 1000)) == 48
    assert png_dpi(_diagram(100 * widest, 1000)) == 24  # never below
    assert "dpi=48" in build_graph(_diagram(2 * widest, 1000)).source.split()  # what graphviz is told
