"""Export time of generated designs for each format; prints a table.

Run: .venv/bin/python bench/bench_export.py [N ...]   (default 100 500 services)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validation import generate

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export

FORMATS = ("cloudformation", "cloudformation-json", "terraform", "drawio")


def main(sizes: list[int]) -> None:
    print(f"{'services':>9} {'resources':>10} " + " ".join(f"{f + ' ms':>22}" for f in FORMATS))
    for size in sizes:
        arch = generate(size)
        resources = len(build_template(arch)["Resources"])
        cells = []
        for fmt in FORMATS:
            times = []
            for _ in range(3):
                with tempfile.TemporaryDirectory() as folder:
                    start = time.perf_counter()
                    export(fmt, arch, Path(folder))
                    times.append((time.perf_counter() - start) * 1000)
            cells.append(f"{statistics.median(times):>22.1f}")
        print(f"{size:>9} {resources:>10} " + " ".join(cells))


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 500])
