"""Diagrams rendered by graphviz, the draw.io file and the review report, for every example."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage

from archbuilder.cli.main import main
from archbuilder.exporters.diagram import dot_source
from archbuilder.exporters.registry import ExportError, export
from archbuilder.model import load
from archbuilder.resource_files import example_path
from archbuilder.validation import Pillar
from tests.model.builders import two_az_network

EXAMPLES = [
    "three-tier-web",
    "serverless-api",
    "static-site",
    "startup-mvp",
    "ecs-fargate",
    "streaming-pipeline",
]


def example(name: str):
    return load(Path(str(example_path(name))))


@pytest.mark.parametrize("name", EXAMPLES)
def test_png_svg_and_drawio_for_every_example(name: str, tmp_path: Path) -> None:
    arch = example(name)
    [png] = export("png", arch, tmp_path)
    image = QImage(str(png))
    assert image.width() > 400 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
    assert len(colours) > 10  # icons and coloured groups, not a blank page
    [svg] = export("svg", arch, tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "data:image/png;base64," in text
    assert 'href="/' not in text and str(Path.home()) not in text and "site-packages" not in text
    [drawio] = export("drawio", arch, tmp_path)
    root = ElementTree.parse(drawio).getroot()
    cells = {cell.get("id"): cell for cell in root.iter("mxCell")}
    for node in arch.nodes.values():
        cell = cells[node.id]
        assert cell.get("vertex") == "1" and cell.get("parent") == (node.parent_id or "1")
        assert cell.get("value", "").startswith(node.label)
    for connection in arch.connections.values():
        assert (cells[connection.id].get("source"), cells[connection.id].get("target")) == (
            connection.source_id,
            connection.target_id,
        )


def test_containers_are_styled_like_aws_groups_and_services_use_aws_shapes() -> None:
    arch = example("three-tier-web")
    source = dot_source(arch)
    assert "subgraph cluster_vpc {" in source and 'color="#248814"' in source
    assert 'fillcolor="#F2F6E8"' in source and 'fillcolor="#E6F6F7"' in source
    assert "Production VPC  10.0.0.0/16" in source
    # Multi-AZ services appear in every subnet they span.
    assert '"orders-db__in_data-b"' in source


def test_the_same_document_gives_the_same_dot() -> None:
    assert dot_source(example("serverless-api")) == dot_source(example("serverless-api"))


def test_labels_are_plain_text(tmp_path: Path) -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label='<b>x</b> "; rm -rf \\n', node_id="evil")
    source = dot_source(arch)
    assert 'label="<b>x</b> \\"; rm -rf \\\\n"' in source
    [svg] = export("svg", arch, tmp_path)
    assert "&lt;b&gt;x&lt;/b&gt; &quot;; rm &#45;rf \\n</text>" in svg.read_text(encoding="utf-8")


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
        "archbuilder: error: graphviz's `dot` program is not installed; install it with `sudo apt-get install graphviz` and retry"
    ]


def test_html_report_is_self_contained_with_all_pillars_and_lockin(tmp_path: Path) -> None:
    assert main(["report", str(example_path("startup-mvp")), "-o", str(tmp_path)]) == 0
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for pillar in Pillar:
        assert f'<h3 id="{pillar.value}">' in html
    assert '<table id="lockin">' in html and "SEC-001" in html and "VPC and Network Security Tips" in html
    assert "data:image/png;base64," in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")
    assert 'src="http' not in html and "href=" not in html


def test_report_escapes_document_text_and_has_no_timestamp_by_default(tmp_path: Path) -> None:
    arch = two_az_network()
    arch.set_metadata("name", "<script>alert(1)</script>")
    arch.add_service("s3_bucket", "region", label="<img src=x onerror=1>", node_id="b")
    from archbuilder.exporters.report import gather
    from archbuilder.exporters.report_html import render_html

    html = render_html(gather(arch, with_diagram=False), arch)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    again = render_html(gather(arch, with_diagram=False), arch)
    assert html == again
    dated = render_html(gather(arch, with_diagram=False, date="2026-11-22"), arch)
    assert "Review of 2026-11-22" in dated and "Review of" not in html


def test_markdown_and_pdf_reports(tmp_path: Path) -> None:
    assert main(["report", str(example_path("three-tier-web")), "-o", str(tmp_path), "--format", "md"]) == 0
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Three-tier web application\n") and "### Sustainability (0)" in markdown
    assert (tmp_path / "diagram.png").is_file()
    assert (
        main(
            [
                "report",
                str(example_path("startup-mvp")),
                "-o",
                str(tmp_path),
                "--format",
                "pdf",
                "--date",
                "2026-11-22",
            ]
        )
        == 0
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = text.replace("\ufb02", "fl").replace("\ufb01", "fi")  # undo the PDF's typographic ligatures
    assert "Startup MVP (flawed on purpose)" in text and "Review of 2026-11-22" in text
    assert "SEC-001" in text and "Vendor lock-in" in text


def test_report_without_graphviz_notes_the_missing_diagram(monkeypatch: pytest.MonkeyPatch) -> None:
    from archbuilder.exporters import diagram, report

    def missing(*_args: object, **_kwargs: object) -> bytes:
        raise ExportError(diagram.INSTALL_HINT, 2)

    monkeypatch.setattr(report, "render", missing)
    review = report.gather(example("static-site"))
    assert review.diagram_png is None and review.diagram_note.startswith(
        "Diagram not included: graphviz's `dot`"
    )
