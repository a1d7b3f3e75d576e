"""PNG and SVG diagrams rendered by graphviz with AWS group styles and icons."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from archbuilder.exporters.diagram.build import dot_source, wrapped
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
    total = len(arch.services())
    assert progress[-3:] == [
        ("laying out services", total, total),
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


def test_containers_are_styled_like_aws_groups() -> None:
    source = dot_source(example("three-tier-web"))
    assert "subgraph cluster_vpc {" in source and 'color="#248814"' in source
    assert 'fillcolor="#F2F6E8"' in source and 'fillcolor="#E6F6F7"' in source
    assert 'label="Production VPC  10.0.0.0/16"' in source
    assert "resources/aws/database/rds.png" in source


def test_multi_az_services_appear_in_every_subnet_on_one_rank() -> None:
    source = dot_source(example("three-tier-web"))
    assert '"orders-db__in_data-b" [label="Orders database" fontcolor="#545B64"' in source
    assert '\t{\n\t\trank=same\n\t\t"web-alb"\n\t\t"web-alb__in_public-b"\n\t}' in source


def test_the_same_document_gives_the_same_dot() -> None:
    assert dot_source(example("serverless-api")) == dot_source(example("serverless-api"))


def test_long_labels_wrap_under_the_icon() -> None:
    assert str(wrapped("Orders database primary replica")) == "Orders database\\nprimary replica"
    assert str(wrapped("a\\b")) == "a\\\\b"
    assert str(wrapped("")) == ""


def test_labels_are_plain_text(tmp_path: Path) -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label='<b>x</b> "; rm -rf \\n', node_id="evil")
    source = dot_source(arch)
    assert 'label="<b>x</b> \\"; rm -rf\\n\\\\n"' in source
    [svg] = export("svg", arch, tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "&lt;b&gt;x&lt;/b&gt; &quot;; rm &#45;rf</text>" in text and ">\\n</text>" in text


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
