"""PNG and SVG diagrams rendered by graphviz with AWS group styles and icons."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from archbuilder.drawing.text import wrap
from archbuilder.exporters.diagram.build import dot_source
from archbuilder.exporters.registry import export
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path
from tests.model.builders import two_az_network


def example(name: str) -> Architecture:
    return load(Path(str(example_path(name))))


@pytest.mark.parametrize("name", example_names())
def test_png_and_svg_for_every_example(name: str, tmp_path: Path) -> None:
    arch = example(name)
    progress: list[tuple[str, int, int]] = []
    [png] = export("png", arch, tmp_path, lambda *step: progress.append(step))
    assert png == tmp_path / "diagram.png"
    assert progress == [
        ("arranging the diagram", 0, 1),
        ("arranging the diagram", 1, 1),
        ("rendering PNG with graphviz", 0, 1),
        ("rendering PNG with graphviz", 1, 1),
    ]
    image = QImage(str(png))
    assert image.width() > 400 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 10  # icons and coloured groups, not a blank page
    [svg] = export("svg", arch, tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "data:image/png;base64," in text
    assert 'href="/' not in text and str(Path.home()) not in text and "site-packages" not in text
    assert sorted(tmp_path.iterdir()) == [tmp_path / "diagram.png", tmp_path / "diagram.svg"]


def _positions(source: str) -> dict[str, tuple[float, float]]:
    """Node name -> pos from DOT text."""
    found = {}
    for name, x, y in re.findall(r'^\t"?([^\s"]+)"? \[.*?pos="([-\d.]+),([-\d.]+)"', source, re.MULTILINE):
        found[name] = (float(x), float(y))
    return found


def _cluster_boxes(source: str) -> dict[str, tuple[float, ...]]:
    found = {}
    for name, bb in re.findall(r'subgraph "?cluster_([^\s"]+)"? \{\n\t\tbb="([^"]+)"', source):
        found[name] = tuple(float(v) for v in bb.split(","))
    return found


def test_the_diagram_is_drawn_where_the_canvas_has_it() -> None:
    arch = example("three-tier-web")
    before = _positions(dot_source(arch))
    arch.move_node("app-asg", arch.node("app-asg").x + 50, arch.node("app-asg").y)
    after = _positions(dot_source(arch))
    assert after["app-asg"] == (before["app-asg"][0] + 50, before["app-asg"][1])
    assert after["web-alb"] == before["web-alb"]
    boxes = _cluster_boxes(dot_source(arch))
    # AZ a left of AZ b, public subnets above app subnets above data subnets, all inside the AWS Cloud.
    assert boxes["az-a"][2] < boxes["az-b"][0]
    assert boxes["public-a"][1] > boxes["app-a"][3] and boxes["app-a"][1] > boxes["data-a"][3]
    cloud = boxes["aws-cloud"]
    assert all(cloud[0] <= b[0] and b[2] <= cloud[2] for k, b in boxes.items() if k != "aws-cloud")


def test_auto_layout_draws_the_azs_in_zone_order_whatever_the_canvas_says() -> None:
    arch = example("three-tier-web")
    arch.move_node("az-a", 900, arch.node("az-a").y)  # dragged right of AZ b on the canvas
    canvas = _cluster_boxes(dot_source(arch, "canvas"))
    auto = _cluster_boxes(dot_source(arch, "auto"))
    assert canvas["az-a"][0] > canvas["az-b"][0]
    assert auto["az-a"][2] < auto["az-b"][0]
    assert arch.node("az-a").x == 900  # the design itself is not changed


def test_az_copies_are_faded_explained_and_marked_primary_and_standby() -> None:
    source = dot_source(example("three-tier-web"))
    assert '"orders-db__label" [label="Orders database\\n(primary)"' in source
    assert (
        '"orders-db@data-b__label" [label="Orders database\\n(standby)" fixedsize=true fontcolor="#687078"'
        in source
    )
    assert '"orders-db@data-b__veil" [color="#687078" fillcolor="#FFFFFF99"' in source
    assert (
        '"web-alb@public-b__veil"' in source
        and '"web-alb@public-b__label" [label="Web load balancer"' in source
    )
    legend = re.findall(r'\tlegend__\d \[label="([^"]+)\\l"', source)
    assert legend == [
        "Faded: the same service drawn again in another AZ it spans (one resource)",
        "(primary / standby): the roles of a Multi-AZ database's copies",
        "Dotted: attachment, DNS, deployment or replication",
    ]


def test_users_reach_the_entries_and_the_route_53_icon_is_the_service_icon() -> None:
    source = dot_source(example("three-tier-web"))
    assert "resources/aws/general/users.png" in source
    assert re.findall(r'"(actor-users-to-[^"]+)__from" ->', source) == ["actor-users-to-dns"]
    dns = re.search(r"\tdns \[.*\]", source)
    assert dns is not None and "resources/aws/network/route-53.png" in dns.group(0)
    assert "route-53-hosted-zone" not in source
    assert '"aws-cloud__header" [label="AWS Cloud\\l"' in source


def test_a_design_without_a_front_door_shows_the_internet_at_its_gateway() -> None:
    source = dot_source(example("startup-mvp"))
    assert "resources/aws/general/internet-alt1.png" in source
    assert re.findall(r'"(actor-internet-to-[^"]+)__from" ->', source) == ["actor-internet-to-igw"]


def test_the_same_document_gives_the_same_dot() -> None:
    assert dot_source(example("serverless-api")) == dot_source(example("serverless-api"))


def test_long_labels_break_at_word_boundaries() -> None:
    assert wrap("Orders database primary replica", 9, 120) == ["Orders database primary", "replica"]
    assert wrap("SiteCloudFrontAccessLogsBucket", 9, 120) == ["SiteCloudFrontAccess", "LogsBucket"]
    assert wrap("site-cloudfront-logs-bucket-for-prod", 9, 120) == [
        "site-cloudfront-logs-",
        "bucket-for-prod",
    ]
    assert wrap("", 9, 120) == [""]


def test_labels_are_plain_text(tmp_path: Path) -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label='<b>x</b> "; rm -rf \\n', node_id="evil")
    source = dot_source(arch)
    assert '"evil__label" [label="<b>x</b> \\"; rm -rf \\\\n"' in source.replace(
        "\tevil__label", '\t"evil__label"'
    )
    [svg] = export("svg", arch, tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "&lt;b&gt;x&lt;/b&gt; &quot;; rm &#45;rf \\n</text>" in text


def test_missing_graphviz_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    document = Path(str(example_path("static-site")))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "archbuilder.cli.main",
            "export",
            str(document),
            "-f",
            "png",
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(Path(sys.executable).parent)},
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "archbuilder: error: graphviz's `dot` program is not installed; "
        "install it with `sudo apt-get install graphviz` and retry"
    ]
    assert list(tmp_path.iterdir()) == []
