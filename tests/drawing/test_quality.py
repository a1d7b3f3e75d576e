"""The diagram of every example reads cleanly: no connection through a service, no label over a label or
across a group's border, no service over another or across a border (bench/bench_layout_quality.py prints
the same measures for generated designs too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.drawing.diagram import Diagram, Edge, build_diagram
from archbuilder.drawing.geometry import Box
from archbuilder.drawing.quality import Quality, measure
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path
from tests.model.builders import two_az_network


def example(name: str) -> Architecture:
    return load(Path(str(example_path(name))))


@pytest.mark.parametrize("layout", ["canvas", "auto"])
@pytest.mark.parametrize("name", example_names())
def test_every_example_has_no_crossing_and_no_overlap(name: str, layout: str) -> None:
    quality = measure(build_diagram(example(name), layout))  # type: ignore[arg-type]
    assert quality.as_row()[:4] == (0, 0, 0, 0), quality
    assert quality.aspect <= 2.0, quality


def _with_edge(
    diagram: Diagram, points: tuple[tuple[float, float], ...], caption: Box | None = None
) -> Diagram:
    source, target = diagram.shapes[0].key, diagram.shapes[2].key
    diagram.edges.append(Edge("probe", "traffic", "probe", points, caption, "solid"))
    diagram.ends["probe"] = (source, target)
    return diagram


def test_the_measures_see_what_they_measure() -> None:
    arch = two_az_network()
    for index in range(3):
        arch.add_service("s3_bucket", "region", node_id=f"bucket-{index}")
    diagram = build_diagram(arch, "auto")
    assert measure(diagram).as_row()[:4] == (0, 0, 0, 0)
    a, b, c = (shape.geometry for shape in diagram.shapes[:3])
    # The first two buckets share a row: a straight line from the first through the second crosses it once.
    assert a.aim[1] == b.aim[1] and a.aim[0] < b.icon.x
    crossed = _with_edge(build_diagram(arch, "auto"), (a.aim, (b.icon.right + 30, a.aim[1])))
    assert measure(crossed).crossings == 1
    assert c.aim[1] > a.aim[1]
    # A caption put on another service's label overlaps it; one put across the VPC's border crosses it.
    on_label = _with_edge(build_diagram(arch, "auto"), (a.aim, a.aim), b.label)
    assert measure(on_label).label_overlaps == 1
    vpc = next(g for g in diagram.groups if g.key == "vpc").box
    across = Box(vpc.x - 10, vpc.y + 100, 20, 10)
    assert measure(_with_edge(build_diagram(arch, "auto"), (a.aim, a.aim), across)).label_borders == 1


def test_services_dropped_on_each_other_or_across_a_border_are_counted() -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", node_id="bucket-a")
    arch.add_service("s3_bucket", "region", node_id="bucket-b")
    arch.move_node("bucket-a", 30.0, 40.0)
    arch.move_node("bucket-b", 40.0, 50.0)  # on top of bucket-a
    arch.add_service("ec2_instance", "private-a", node_id="app")
    arch.move_node("app", -40.0, 60.0)  # straddles the subnet's left border
    quality = measure(build_diagram(arch, "canvas"))
    # bucket-b over bucket-a; app across the subnet's border and the AZ's (both start at the same x).
    assert quality.node_overlaps >= 2
    assert measure(build_diagram(arch, "auto")).node_overlaps == 0


def test_quality_row_and_aspect() -> None:
    quality = measure(build_diagram(example("three-tier-web"), "canvas"))
    assert isinstance(quality, Quality)
    picture = build_diagram(example("three-tier-web"), "canvas").picture
    assert quality.aspect == round(picture.height / picture.width, 2)
