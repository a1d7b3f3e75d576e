"""The architecture review report: HTML, Markdown and PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from archbuilder.catalog import Citation
from archbuilder.cli.main import main
from archbuilder.exporters.diagram import build as diagram
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.report import gather as report
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.html import render_html
from archbuilder.exporters.report.markdown import cell, cited, render_markdown
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from archbuilder.validation import Pillar
from tests.model.builders import two_az_network


def test_html_report_is_self_contained_with_all_pillars_and_lockin(tmp_path: Path) -> None:
    assert main(["report", str(example_path("startup-mvp")), "-o", str(tmp_path)]) == 0
    assert sorted(tmp_path.iterdir()) == [tmp_path / "report.html"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    for pillar in Pillar:
        assert f'<h3 id="{pillar.value}">{pillar.heading} (' in html
    assert '<table id="lockin">' in html and "SEC-001" in html
    assert (
        '<a href="https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md'
        '#vpc-and-network-security-tips">The Open Guide to AWS › VPC and Network Security Tips</a>'
    ) in html
    assert "000_cef87d4914f142cd.txt" not in html
    assert '<img class="diagram" alt="Architecture diagram" src="data:image/png;base64,' in html
    # Links to the guides are the only addresses; nothing is loaded from outside the file.
    assert "<script" not in html and "http://" not in html and 'src="http' not in html
    assert {m.split("/")[2] for m in re.findall(r'href="([^"]+)"', html)} == {"github.com"}


@pytest.mark.parametrize("name", example_names())
def test_every_example_gets_a_report_with_its_diagram(name: str) -> None:
    arch = load(Path(str(example_path(name))))
    review = gather(arch)
    assert (
        review.diagram_png is not None
        and review.diagram_png.startswith(b"\x89PNG")
        and review.diagram_note == ""
    )
    html = render_html(review, arch)
    assert [row.label for row in review.inventory] == [
        row.label for row in sorted(review.inventory, key=lambda r: (r.container, r.label.lower()))
    ]
    assert sorted(row.label for row in review.inventory) == sorted(s.label for s in arch.services())
    for finding in review.result.active:
        assert f"<td>{finding.rule_id}</td>" in html
    assert html.count("<h3 id=") == len(Pillar)


def test_inventory_and_tips_are_grouped() -> None:
    arch = load(Path(str(example_path("three-tier-web"))))
    review = gather(arch, with_diagram=False)
    assert review.category_summary() == (
        "compute 1 · database 1 · management 1 · networking 5 · security 1 · storage 1"
    )
    db = next(row for row in review.inventory if row.label == "Orders database")
    assert (db.container, db.service, db.category) == (
        "US East (N. Virginia) › Production VPC › AZ a › Data subnet a",
        "Amazon RDS DB instance",
        "database",
    )
    services = [service for service, _tips in review.tips_by_service()]
    assert services == sorted(set(services), key=services.index) and "Amazon RDS DB instance" in services
    html = render_html(review, arch)
    assert "<p>10 services: compute 1 · database 1" in html and "<h3>Amazon RDS DB instance</h3><ul>" in html


def test_markdown_citations_link_to_the_guide_or_name_it() -> None:
    assert cited(Citation(seed="002_2329e123f005b6f3.txt", section="NAT Gateways")) == (
        "Solutions Architect – Associate notes (2024) › NAT Gateways"
    )
    assert cited(Citation(seed="000_cef87d4914f142cd.txt", section="S3 Tips")) == (
        "[The Open Guide to AWS › S3 Tips](https://github.com/open-guides/og-aws/blob/"
        "8ec2310ea096b1606ac000df35f037fc581a49cf/README.md#s3-tips)"
    )


def test_report_escapes_document_text_and_has_no_timestamp_by_default() -> None:
    arch = two_az_network()
    arch.set_metadata("name", "<script>alert(1)</script>")
    arch.add_service("s3_bucket", "region", label="<img src=x onerror=1>", node_id="b")
    html = render_html(gather(arch, with_diagram=False), arch)
    assert "<script>alert" not in html and "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=1&gt;" in html
    assert html == render_html(gather(arch, with_diagram=False), arch)
    dated = render_html(gather(arch, with_diagram=False, date="2026-11-22"), arch)
    assert '<p class="muted">Review of 2026-11-22</p>' in dated and "Review of" not in html
    markdown = render_markdown(gather(arch, with_diagram=False), arch)
    assert markdown.startswith("# \\<script\\>alert(1)\\</script\\>\n")
    assert "| Amazon S3 bucket | \\<img src=x onerror=1\\> | storage |" in markdown


def test_markdown_cells_are_literal_and_on_one_line() -> None:
    assert cell("a|b *c* [d](e) <i> & `f`\nnext") == "a\\|b \\*c\\* \\[d\\](e) \\<i\\> \\& \\`f\\` next"


def test_markdown_report_writes_the_diagram_beside_it(tmp_path: Path) -> None:
    assert main(["report", str(example_path("three-tier-web")), "-o", str(tmp_path), "--format", "md"]) == 0
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert (
        markdown.startswith("# Three-tier web application\n")
        and "\n### Sustainability (0)\n\nNo findings.\n" in markdown
    )
    assert "![Architecture diagram](diagram.png)" in markdown
    assert sorted(tmp_path.iterdir()) == [tmp_path / "diagram.png", tmp_path / "report.md"]


def test_pdf_report_has_the_review_text(tmp_path: Path) -> None:
    args = ["report", str(example_path("startup-mvp")), "-o", str(tmp_path), "--format", "pdf"]
    assert main([*args, "--date", "2026-11-22", "--title", "Design review: MVP"]) == 0
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = text.replace("\ufb02", "fl").replace("\ufb01", "fi")  # undo the PDF's typographic ligatures
    assert "Design review: MVP" in text and "Review of 2026-11-22" in text
    assert "SEC-001" in text and "Vendor lock-in" in text and "Sustainability (0)" in text


def test_report_without_graphviz_notes_the_missing_diagram(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*_args: object, **_kwargs: object) -> bytes:
        raise ExportError(diagram.INSTALL_HINT, 2)

    monkeypatch.setattr(report, "render", missing)
    arch = load(Path(str(example_path("static-site"))))
    review = gather(arch)
    assert review.diagram_png is None
    assert review.diagram_note == f"Diagram not included: {diagram.INSTALL_HINT}"
    assert '<p class="muted">Diagram not included: graphviz' in render_html(review, arch)
