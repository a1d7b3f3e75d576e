"""Canvas benchmark: scene build, fit-all repaint, drag frames (routing on) and the release that searches the
dragged connections' routes, for 100 / 1,000 / 5,000 services.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_canvas.py [N ...]

A drag frame is what a real drag costs: a mouse move through the view (the scene moves the item, re-routes
its connections, finds the drop target), then the event loop runs the scene's deferred updates and paints
what changed (the time spent waiting for the platform's paint pacing is not counted). Figures are medians of wall time and of
this process's CPU time (the machine may be shared: CPU time is what the canvas itself costs).

Layout as in the feasibility study: a subnet holds 25 services, an AZ 2 subnets, a VPC 2 AZs (100 services);
VPCs sit in a grid inside one region. There are N connections: 80 % between neighbours in a subnet and
20 % between random services anywhere (the long edges that cost the most to repaint).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.catalog import default_catalog
from archbuilder.editor.document import Document
from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    RegionNode,
    SubnetNode,
    VpcNode,
)

VIEW_SIZE = (1920, 1080)


def build_architecture(services: int, seed: int = 7) -> Architecture:
    catalog = default_catalog()
    type_id = "ec2_instance" if "ec2_instance" in catalog else "generic"
    arch = Architecture(catalog)
    vpcs = max(1, services // 100)
    columns = max(1, int(vpcs**0.5))
    vpc_w, vpc_h = 2 * 640 + 60, 2 * 720 + 140
    arch.add_node(
        RegionNode(
            id="region",
            label="Region",
            width=columns * (vpc_w + 40) + 40,
            height=((vpcs + columns - 1) // columns) * (vpc_h + 40) + 80,
        )
    )
    ids: list[str] = []
    per_subnet: list[list[str]] = []
    for v in range(vpcs):
        vpc_id = f"vpc-{v}"
        arch.add_node(
            VpcNode(
                id=vpc_id,
                label=f"VPC {v}",
                parent_id="region",
                cidr=f"10.{v % 256}.0.0/16",
                x=40 + (v % columns) * (vpc_w + 40),
                y=60 + (v // columns) * (vpc_h + 40),
                width=vpc_w,
                height=vpc_h,
            )
        )
        for a in range(2):
            az_id = f"{vpc_id}-az-{a}"
            arch.add_node(
                AvailabilityZoneNode(
                    id=az_id,
                    label=f"AZ {a}",
                    parent_id=vpc_id,
                    zone=f"us-east-1{'ab'[a]}",
                    x=20 + a * 660,
                    y=50,
                    width=640,
                    height=vpc_h - 70,
                )
            )
            for s in range(2):
                subnet_id = f"{az_id}-subnet-{s}"
                arch.add_node(
                    SubnetNode(
                        id=subnet_id,
                        label=f"Subnet {s}",
                        parent_id=az_id,
                        cidr=f"10.{v % 256}.{a * 2 + s}.0/24",
                        tier="public" if s == 0 else "private",
                        x=20,
                        y=50 + s * 700,
                        width=600,
                        height=680,
                    )
                )
                members = []
                for k in range(25):
                    if len(ids) >= services:
                        break
                    node_id = f"svc-{len(ids)}"
                    arch.add_service(
                        type_id,
                        subnet_id,
                        label=f"Service {len(ids)}",
                        x=30 + (k % 5) * 112,
                        y=50 + (k // 5) * 124,
                        node_id=node_id,
                    )
                    ids.append(node_id)
                    members.append(node_id)
                per_subnet.append(members)
    rng = random.Random(seed)
    made: set[tuple[str, str]] = set()
    while len(made) < services:
        if rng.random() < 0.8:
            members = rng.choice([m for m in per_subnet if len(m) > 1] or [ids])
            index = rng.randrange(len(members) - 1)
            pair = (members[index], members[index + 1])
        else:
            pair = (rng.choice(ids), rng.choice(ids))
        if pair[0] == pair[1] or pair in made:
            continue
        arch.connect(*pair, "traffic", connection_id=f"c-{len(made)}")
        made.add(pair)
    return arch


class PaintCounter(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def timed(action: Callable[[], object], repeat: int = 1) -> tuple[float, float]:
    """Median wall time and median CPU time of `action` in milliseconds."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def record(results: dict[str, float], name: str, figures: tuple[float, float]) -> None:
    results[name] = figures[0]
    results[f"{name} (CPU)"] = figures[1]


def run(services: int) -> dict[str, float]:
    document = Document(build_architecture(services))
    results: dict[str, float] = {}
    scenes: list[ArchitectureScene] = []
    record(results, "build scene", timed(lambda: scenes.append(ArchitectureScene(document)), repeat=3))
    scene = scenes[-1]
    for spare in scenes[:-1]:  # only the last one follows the document
        document.architecture_replaced.disconnect(spare.rebuild)
        spare._disconnect_model()
    results["scene items"] = float(len(scene.items()))
    view = ArchitectureView(scene)
    view.resize(*VIEW_SIZE)
    view.show()
    QApplication.processEvents()

    view.fit_all()
    QApplication.processEvents()
    results["fit-all zoom"] = view.zoom()
    record(results, "fit-all repaint", timed(view.viewport().repaint, repeat=5))

    painted = PaintCounter()
    view.viewport().installEventFilter(painted)

    def painted_frame(action: Callable[[], object]) -> tuple[float, float]:
        """Wall and CPU ms of `action` and of the event loop until the viewport has painted its result."""
        begin, begin_cpu = time.perf_counter(), time.process_time()
        waited = 0.0
        before = painted.count
        action()
        QApplication.processEvents()
        while painted.count == before and waited < 1.0:
            # The platform paces paints (update requests): wait for it, not counting the wait.
            pause = time.perf_counter()
            time.sleep(0.0005)
            waited += time.perf_counter() - pause
            QApplication.processEvents()
        assert painted.count > before, "the frame was never painted"
        return (time.perf_counter() - begin - waited) * 1000, (time.process_time() - begin_cpu) * 1000

    def medians(figures: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(f[0] for f in figures), statistics.median(f[1] for f in figures)

    def drag(item_id: str, grab: QPointF, frames: int) -> tuple[float, float]:
        """Press on the item at `grab` (item coordinates), then time mouse moves of 3 px back and forth,
        each until the viewport has painted the change."""
        item = scene.item_for(item_id)
        assert item is not None
        view.centerOn(item.mapToScene(grab))
        QApplication.processEvents()
        viewport = view.viewport()
        start = view.mapFromScene(item.mapToScene(grab))
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        step = [0]

        def frame() -> tuple[float, float]:
            step[0] += 1
            to = start + QPoint(12 + (3 if step[0] % 2 else 0), 0)
            return painted_frame(lambda: QTest.mouseMove(viewport, to))

        for _ in range(3):  # settle
            frame()
        figures = [frame() for _ in range(frames)]
        released.append(
            painted_frame(
                lambda: QTest.mouseRelease(
                    viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
                )
            )
        )
        assert document.undo_stack.count() > 0, f"the drag of {item_id} did not move it"
        document.undo_stack.undo()
        return medians(figures)

    def pan(frames: int) -> tuple[float, float]:
        """Scroll 40 px right per frame (labels and captions coming into view are made then)."""
        bar = view.horizontalScrollBar()
        return medians([painted_frame(lambda: bar.setValue(bar.value() + 40)) for _ in range(frames)])

    # Drags at 100 %: a service (with its connections) and an AZ (50 services and their edges). During a drag
    # connections follow quick routes; the release searches them around what lies between.
    released: list[tuple[float, float]] = []
    view.reset_zoom()
    record(results, "drag frame: service @100%", drag("svc-0", QPointF(48, 30), 20))
    record(results, "release: service's routes searched", released[-1])
    record(results, "drag frame: AZ @100%", drag("vpc-0-az-0", QPointF(60, 12), 20))
    record(results, "release: AZ's routes searched", released[-1])
    record(results, "pan frame @100%", pan(20))
    view.fit_all()
    QApplication.processEvents()
    record(results, "drag frame: service, fitted", drag("svc-0", QPointF(48, 30), 5))
    view.close()
    return results


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000, 5000]
    app = QApplication.instance() or QApplication([])
    table = {n: run(n) for n in sizes}
    rows = list(next(iter(table.values())))
    width = max(len(r) for r in rows)
    print(f"{'metric (ms unless noted)':<{width}} | " + " | ".join(f"N={n:>6,}" for n in sizes))
    print("-" * width + "-|-" + "-|-".join("-" * 8 for _ in sizes))
    for row in rows:
        cells = []
        for n in sizes:
            value = table[n][row]
            cells.append(
                f"{value:>8.0f}"
                if row == "scene items"
                else f"{value:>8.2f}"
                if value < 10
                else f"{value:>8.1f}"
            )
        print(f"{row:<{width}} | " + " | ".join(cells))
    del app


if __name__ == "__main__":
    main(sys.argv[1:])
