"""The architecture review report as Export menu entries (HTML and PDF), shaped like the registry's exporters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archbuilder.exporters.registry import Progress
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.html import render_html
from archbuilder.model import Architecture
from archbuilder.model.serialization import write_atomic
from archbuilder.ui.report_pdf import write_pdf


def export_html(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    if progress is not None:
        progress("reviewing the design", 0, 1)
    review = gather(architecture)
    target = out_dir / "report.html"
    write_atomic(target, render_html(review, architecture).encode("utf-8"))
    return [target]


def export_pdf(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    if progress is not None:
        progress("reviewing the design", 0, 1)
    review = gather(architecture)
    html = render_html(review, architecture).replace(review.diagram_data_uri() or "\0", "diagram.png")
    target = out_dir / "report.pdf"
    write_pdf(html, review.diagram_png, target)
    return [target]


@dataclass(frozen=True)
class ReportFormat:
    name: str
    description: str
    run: Callable[[Architecture, Path, Progress | None], list[Path]]


REPORT_FORMATS = {
    "report-html": ReportFormat("report-html", "Review report (report.html)", export_html),
    "report-pdf": ReportFormat("report-pdf", "Review report (report.pdf)", export_pdf),
}
