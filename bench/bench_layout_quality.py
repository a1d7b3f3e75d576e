"""Layout quality of the exported diagram, for every bundled example (as arranged, and laid out automatically)
and for generated designs of 30, 300 and 1,000 services (laid out automatically: they were never arranged).

Run: .venv/bin/python bench/bench_layout_quality.py [N ...]   (default 30 300 1000)

Columns: connection segments through a service's icon or label (other than the connection's own ends),
label over label (service labels, captions, group headers), label across a group's border, service over
service or across a group's border, and the picture's aspect ratio (longer side over shorter) with its size
in points, and how tall a service label's letters are in the PNG export (its font size at the PNG's resolution:
96 dpi, lower for pictures past 16,000 pixels). The aim is zero everywhere but the ratio, a ratio of at most 3 at
300 services, and labels of about 12 pixels, as on screen.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validation import generate

from archbuilder.drawing.diagram import Layout, build_diagram
from archbuilder.drawing.quality import measure
from archbuilder.drawing.shapes import LABEL_SIZE
from archbuilder.exporters.diagram.build import png_dpi
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path

HEADER = (
    f"{'design':<26} {'layout':<7} {'crossings':>9} {'lbl/lbl':>8} {'lbl/border':>10} "
    f"{'node ovl':>8} {'aspect':>7} {'size pt':>13} {'label px':>8} {'s':>6}"
)


def row(name: str, arch: Architecture, layout: Layout) -> str:
    start = time.perf_counter()
    diagram = build_diagram(arch, layout)
    seconds = time.perf_counter() - start
    quality = measure(diagram)
    size = f"{diagram.bounds.width:.0f}x{diagram.bounds.height:.0f}"
    label_px = LABEL_SIZE * png_dpi(diagram) / 72
    return (
        f"{name:<26} {layout:<7} {quality.crossings:>9} {quality.label_overlaps:>8} {quality.label_borders:>10} "
        f"{quality.node_overlaps:>8} {quality.aspect:>7.2f} {size:>13} {label_px:>8.1f} {seconds:>6.2f}"
    )


def main(sizes: list[int]) -> None:
    print(HEADER)
    for name in example_names():
        arch = load(example_path(name))
        for layout in ("canvas", "auto"):
            print(row(name, arch, layout), flush=True)
    for size in sizes:
        print(row(f"generated {size:,} services", generate(size), "auto"), flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [30, 300, 1000])
