"""The PDF review: title metadata, outline, table of contents, page numbers, headers repeated, no orphan heading."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from archbuilder.cli.main import main
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.pdf import render_pdf
from archbuilder.model import Architecture
from tests.exporters.report.support import MVP, design
from tests.model.builders import two_az_network

TOP_LEVEL = [
    "Executive summary",
    "Scorecard by pillar",
    "Top actions",
    "Strengths",
    "Findings by pillar",
    "Vendor lock-in",
    "Cost",
    "Appendix A: Inventory",
    "Appendix B: The guides' tips for these services",
]


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext lays it out (poppler-utils, installed by scripts/install.sh)."""
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(path))).group(1))  # type: ignore[union-attr]
    return [
        _run("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-") for n in range(1, pages + 1)
    ]


def _run(*command: str) -> str:
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return text.replace("\ufb02", "fl").replace("\ufb01", "fi")  # undo the PDF's typographic ligatures


@pytest.fixture(scope="module")
def mvp_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    args = ["report", str(MVP), "-o", str(out), "--format", "pdf", "--date", "2026-03-02"]
    assert main([*args, "--title", "Design review: MVP", "--reviewer", "Dana Reviewer"]) == 0
    return out / "report.pdf"


def _outline(reader: PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    entries: list[tuple[str, int, list[tuple[str, int]]]] = []
    for item in reader.outline:
        if isinstance(item, list):
            entries[-1][2].extend((child.title, reader.get_destination_page_number(child)) for child in item)
        else:
            entries.append((item.title, reader.get_destination_page_number(item), []))
    return entries


def test_the_document_title_and_author_are_set(mvp_pdf: Path) -> None:
    metadata = PdfReader(mvp_pdf).metadata
    assert metadata is not None
    assert (metadata.title, metadata.author) == ("Design review: MVP — architecture review", "Dana Reviewer")
    assert metadata.subject == "Architecture review of Startup MVP (flawed on purpose)"


def test_the_outline_lists_every_section_on_the_page_it_starts(mvp_pdf: Path) -> None:
    reader = PdfReader(mvp_pdf)
    outline = _outline(reader)
    assert [title for title, _page, _children in outline] == TOP_LEVEL
    findings = next(children for title, _page, children in outline if title == "Findings by pillar")
    assert [re.sub(r" \(\d+\)$", "", title) for title, _page in findings] == [
        "Operational excellence",
        "Security",
        "Reliability",
        "Performance efficiency",
        "Cost optimization",
        "Sustainability",
    ]
    texts = page_texts(mvp_pdf)
    for title, page, children in outline:
        assert title in texts[page], (title, page)
        for child, child_page in children:
            assert child in texts[child_page], (child, child_page)


def test_every_page_after_the_title_page_is_numbered_and_the_contents_point_at_them(mvp_pdf: Path) -> None:
    texts = page_texts(mvp_pdf)
    total = len(texts)
    assert total == len(PdfReader(mvp_pdf).pages) and total >= 8
    assert "Page " not in texts[0] and "ARCHITECTURE REVIEW" in texts[0]
    for number, text in enumerate(texts[1:], 2):
        assert f"Page {number} of {total}" in text
        assert "Design review: MVP — architecture review" in text  # the running footer
    contents = texts[1]
    assert contents.lstrip().startswith("Contents")
    for title, page, _children in _outline(PdfReader(mvp_pdf)):
        assert re.search(rf"{re.escape(title)}[ .]*{page + 1}\n", contents), title


def test_no_page_ends_with_a_heading(mvp_pdf: Path) -> None:
    reader = PdfReader(mvp_pdf)
    headings = {t for title, _p, children in _outline(reader) for t in [title, *(c for c, _ in children)]}
    for number, text in enumerate(page_texts(mvp_pdf)[2:], 3):
        body = [line.strip() for line in text.splitlines() if line.strip() and "Page " not in line]
        assert body[-1] not in headings, f"page {number} ends with the heading {body[-1]!r}"


def test_the_title_page_has_the_design_scope_reviewer_date_and_assumptions(mvp_pdf: Path) -> None:
    title_page = " ".join(page_texts(mvp_pdf)[0].split())
    assert title_page.startswith("ARCHITECTURE REVIEW Design review: MVP")
    for part in (
        "Design: Startup MVP (flawed on purpose)",
        "Scope: 4 services and 2 connections of the production design",
        "Reviewer: Dana Reviewer",
        "Date: 2026-03-02",
        "Assumptions • The design is reviewed as drawn",
    ):
        assert part in title_page, part


def _many_buckets(count: int) -> Architecture:
    architecture = two_az_network()
    for index in range(count):
        architecture.add_service(
            "s3_bucket", "region", label=f"Bucket {index:02d}", node_id=f"bucket-{index:02d}"
        )
    return architecture


def test_a_table_over_several_pages_repeats_its_header(tmp_path: Path) -> None:
    architecture = _many_buckets(100)  # enough for the inventory to span pages wherever the cost tables end
    target = tmp_path / "report.pdf"
    target.write_bytes(render_pdf(gather(architecture, with_diagram=False), architecture))
    texts = page_texts(target)
    inventory = [n for n, text in enumerate(texts) if "Bucket 0" in text and "Global" not in text]
    pages = [
        n for n, text in enumerate(texts) if re.search(r"US East › Main|US East\s", text) and "Bucket" in text
    ]
    spanned = [n for n in pages if n not in inventory]
    assert len(spanned) >= 2, "the inventory of 100 buckets should take more than one page"
    for number in spanned:
        first = next(line.split() for line in texts[number].splitlines() if line.strip())
        assert first == ["Where", "Service", "Name", "Category"], (number, first)


def test_the_same_design_gives_the_same_bytes(tmp_path: Path) -> None:
    architecture = design()
    first = render_pdf(gather(architecture), architecture)
    assert render_pdf(gather(architecture), architecture) == first
    assert b"2026-03-02" not in first
