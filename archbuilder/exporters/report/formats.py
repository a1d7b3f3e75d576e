"""Writes the review in each of its formats, for the `report` command and, with the defaults, the export registry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archbuilder.exporters.registry import ExportError, Progress, write_staged
from archbuilder.exporters.report.gather import ReportOptions, Review, gather
from archbuilder.fileio import write_atomic
from archbuilder.model import Architecture


def _html(review: Review, architecture: Architecture, out_dir: Path) -> list[Path]:
    from archbuilder.exporters.report.html import render_html

    target = out_dir / "report.html"
    write_atomic(target, render_html(review, architecture).encode("utf-8"))
    return [target]


def _markdown(review: Review, architecture: Architecture, out_dir: Path) -> list[Path]:
    from archbuilder.exporters.report.markdown import render_markdown

    target = out_dir / "report.md"
    write_atomic(target, render_markdown(review, architecture).encode("utf-8"))
    written = [target]
    if review.diagram is not None:
        write_atomic(out_dir / "diagram.png", review.diagram.png)
        written.append(out_dir / "diagram.png")
    return written


def _pdf(review: Review, architecture: Architecture, out_dir: Path) -> list[Path]:
    from archbuilder.exporters.report.pdf import render_pdf

    target = out_dir / "report.pdf"
    write_atomic(target, render_pdf(review, architecture))
    return [target]


def _slides(review: Review, architecture: Architecture, out_dir: Path) -> list[Path]:
    from archbuilder.exporters.report.slides import render_pptx

    target = out_dir / "report.pptx"
    write_atomic(target, render_pptx(review, architecture))
    return [target]


def _lens(review: Review, architecture: Architecture, out_dir: Path) -> list[Path]:
    from archbuilder.exporters.report.wa_lens import render_lens

    lens, answers = render_lens(review, architecture)
    write_atomic(out_dir / "wa-lens.json", lens.encode("utf-8"))
    write_atomic(out_dir / "wa-answers.json", answers.encode("utf-8"))
    return [out_dir / "wa-lens.json", out_dir / "wa-answers.json"]


WRITERS: dict[str, Callable[[Review, Architecture, Path], list[Path]]] = {
    "html": _html,
    "md": _markdown,
    "pdf": _pdf,
    "pptx": _slides,
    "wa-lens": _lens,
}


def write_report(
    architecture: Architecture,
    out_dir: Path,
    fmt: str,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> tuple[Review, list[Path]]:
    """The review of the design written into `out_dir` as `fmt`; the review is returned for its notes."""
    if fmt not in WRITERS:
        raise ExportError(f"unknown report format {fmt!r}; choose one of: {', '.join(WRITERS)}", 2)
    if progress is not None:
        progress("reviewing the design", 0, 2)
    review = gather(architecture, options)
    if progress is not None:
        progress(f"writing the {fmt.upper()} report", 1, 2)
    written = write_staged(out_dir, lambda staging: WRITERS[fmt](review, architecture, staging))
    if progress is not None:
        progress(f"writing the {fmt.upper()} report", 2, 2)
    return review, written


def export_html(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    return write_report(architecture, out_dir, "html", progress=progress)[1]


def export_pdf(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    return write_report(architecture, out_dir, "pdf", progress=progress)[1]


def export_slides(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    return write_report(architecture, out_dir, "pptx", progress=progress)[1]


def export_lens(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    return write_report(architecture, out_dir, "wa-lens", progress=progress)[1]


def export_markdown(
    architecture: Architecture, out_dir: Path, progress: Progress | None = None
) -> list[Path]:
    return write_report(architecture, out_dir, "md", progress=progress)[1]
