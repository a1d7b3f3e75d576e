"""The review through the `report` command and the export registry: which files, for every example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archbuilder.catalog import Citation
from archbuilder.cli.main import main
from archbuilder.exporters.diagram import build as diagram
from archbuilder.exporters.diagram import callouts
from archbuilder.exporters.registry import ExportError, export
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.html import render_html
from archbuilder.exporters.report.markdown import cell, cited
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from archbuilder.validation import Pillar
from tests.exporters.report.support import MVP, THREE_TIER


def test_html_report_is_self_contained_and_links_only_to_the_guides(tmp_path: Path) -> None:
    assert main(["report", str(MVP), "-o", str(tmp_path)]) == 0
    assert sorted(tmp_path.iterdir()) == [tmp_path / "report.html"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for pillar in Pillar:
        assert f'<h3 id="{pillar.value}">{pillar.heading} (' in html
    assert (
        '<a href="https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md'
        '#vpc-and-network-security-tips">The Open Guide to AWS › VPC and Network Security Tips</a>'
    ) in html
    assert (
        '<img class="diagram" alt="Architecture diagram with the numbers of the top actions" src="data:image/svg'
        in html
    )
    # Links to the guides are the only addresses; nothing is loaded from outside the file.
    assert (
        "<script" not in html
        and "http://" not in html.replace("http://www.w3.org", "")
        and 'src="http' not in html
    )
    links = re.findall(r'href="([^"#][^"]*)"', html)
    assert links and {link.split("/")[2] for link in links} == {"github.com"}


@pytest.mark.parametrize("name", example_names())
def test_every_example_gets_a_report_with_its_diagram(name: str) -> None:
    arch = load(Path(str(example_path(name))))
    review = gather(arch)
    assert (
        review.diagram is not None and review.diagram.png.startswith(b"\x89PNG") and review.diagram_note == ""
    )
    html = render_html(review, arch)
    assert [row.label for row in review.inventory] == [
        row.label for row in sorted(review.inventory, key=lambda r: (r.container, r.label.lower()))
    ]
    assert sorted(row.label for row in review.inventory) == sorted(s.label for s in arch.services())
    for finding in review.result.active:
        assert f"{finding.rule_id}</td>" in html
    assert html.count("<h3 id=") == len(Pillar)
    assert html.count('<g class="callout">') == 0  # the SVG is embedded as data, not as markup
    assert review.diagram.svg.decode().count('<g class="callout">') == sum(
        len(a.node_ids) for a in review.top_actions
    )


def test_markdown_report_writes_the_diagram_with_its_callouts_beside_it(tmp_path: Path) -> None:
    assert main(["report", str(THREE_TIER), "-o", str(tmp_path), "--format", "md"]) == 0
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("*Architecture review*\n\n# Three-tier web application\n")
    assert "\n### Sustainability (0)\n\nNo findings.\n" in markdown
    assert "![Architecture diagram with the numbers of the top actions](diagram.png)" in markdown
    assert sorted(tmp_path.iterdir()) == [tmp_path / "diagram.png", tmp_path / "report.md"]
    review = gather(load(THREE_TIER))
    assert review.diagram is not None and (tmp_path / "diagram.png").read_bytes() == review.diagram.png


def test_markdown_cells_are_literal_and_citations_link_to_the_guide() -> None:
    assert cell("a|b *c* [d](e) <i> & `f`\nnext") == "a\\|b \\*c\\* \\[d\\](e) \\<i\\> \\& \\`f\\` next"
    assert cited(Citation(seed="002_2329e123f005b6f3.txt", section="NAT Gateways")) == (
        "Solutions Architect – Associate notes (2024) › NAT Gateways"
    )
    assert cited(Citation(seed="000_cef87d4914f142cd.txt", section="S3 Tips")) == (
        "[The Open Guide to AWS › S3 Tips](https://github.com/open-guides/og-aws/blob/"
        "8ec2310ea096b1606ac000df35f037fc581a49cf/README.md#s3-tips)"
    )


def test_the_export_registry_writes_the_report_formats(tmp_path: Path) -> None:
    arch = load(THREE_TIER)
    assert export("report-md", arch, tmp_path / "md") == [
        tmp_path / "md" / "report.md",
        tmp_path / "md" / "diagram.png",
    ]
    assert export("report-pdf", arch, tmp_path / "pdf") == [tmp_path / "pdf" / "report.pdf"]
    assert (tmp_path / "pdf" / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert export("report-pptx", arch, tmp_path / "pptx") == [tmp_path / "pptx" / "report.pptx"]
    assert (tmp_path / "pptx" / "report.pptx").read_bytes().startswith(b"PK")  # a zip, as .pptx files are
    assert export("report-wa-lens", arch, tmp_path / "lens") == [
        tmp_path / "lens" / "wa-lens.json",
        tmp_path / "lens" / "wa-answers.json",
    ]


def test_report_without_graphviz_notes_the_missing_diagram(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(*_args: object, **_kwargs: object) -> bytes:
        raise ExportError(diagram.INSTALL_HINT, 2)

    monkeypatch.setattr(callouts, "render", missing)
    arch = load(Path(str(example_path("static-site"))))
    review = gather(arch)
    assert review.diagram is None and review.diagram_png is None
    assert review.diagram_note == f"Diagram not included: {diagram.INSTALL_HINT}"
    assert '<p class="muted">Diagram not included: graphviz' in render_html(review, arch)
    assert main(["report", str(example_path("static-site")), "-o", str(tmp_path), "--format", "pdf"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Diagram not included: {diagram.INSTALL_HINT}",
        f"wrote {tmp_path / 'report.pdf'}",
    ]


def test_an_unwritable_output_folder_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["report", str(MVP), "-o", str(blocker / "out"), "--format", "md"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(blocker) in err
