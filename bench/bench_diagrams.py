"""PNG, SVG and draw.io diagram export time for generated designs of 100 and 300 services; prints a table.

Run: .venv/bin/python bench/bench_diagrams.py [N ...]   (default 100 300)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validation import generate

from archbuilder.exporters.diagram.build import render
from archbuilder.exporters.diagram.drawio import build_xml
from archbuilder.model.layout import auto_layout


def main(sizes: list[int]) -> None:
    print(f"{'services':>9} {'png s':>8} {'svg s':>8} {'drawio s':>9} {'png KB':>8}")
    for size in sizes:
        arch = generate(size)
        auto_layout(arch)
        start = time.perf_counter()
        png = render(arch, "png")
        png_seconds = time.perf_counter() - start
        start = time.perf_counter()
        render(arch, "svg")
        svg_seconds = time.perf_counter() - start
        start = time.perf_counter()
        build_xml(arch)
        drawio_seconds = time.perf_counter() - start
        print(
            f"{size:>9} {png_seconds:>8.2f} {svg_seconds:>8.2f} {drawio_seconds:>9.2f} {len(png) // 1024:>8}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 300])
