"""Time to open a document in the app: read and check the JSON, build the model, build the canvas scene.

Run: .venv/bin/python bench/bench_open.py [N ...]   (default 1000 5000 services); prints a table of the median
of three opens, the previous document released (and collected) before each.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validation import generate
from PySide6.QtWidgets import QApplication

from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.editor.document import Document
from archbuilder.model import load, save
from archbuilder.model.layout import auto_layout


def main(sizes: list[int]) -> None:
    _app = QApplication.instance() or QApplication([])
    print(f"{'services':>9} {'load ms':>9} {'scene ms':>9} {'open ms':>9}")
    for size in sizes:
        arch = generate(size)
        auto_layout(arch)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "big.arch.json"
            save(arch, path)
            loads, scenes = [], []
            for _ in range(3):
                start = time.perf_counter()
                document = Document(load(path), path)
                middle = time.perf_counter()
                scene = ArchitectureScene(document)
                end = time.perf_counter()
                loads.append((middle - start) * 1000)
                scenes.append((end - middle) * 1000)
                # Tear the previous document down outside the timings: opening is timed as into a fresh window
                # (freeing a 5,000-service scene and model takes ~0.5 s and used to land in the next "load").
                del scene, document
                gc.collect()
        load_ms, scene_ms = statistics.median(loads), statistics.median(scenes)
        print(f"{size:>9} {load_ms:>9.0f} {scene_ms:>9.0f} {load_ms + scene_ms:>9.0f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
