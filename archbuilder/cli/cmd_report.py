"""`archbuilder report FILE -o DIR`: the architecture review as HTML, Markdown or PDF."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from archbuilder.cli.common import CliError, load_document
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.html import render_html
from archbuilder.exporters.report.markdown import render_markdown
from archbuilder.model import DocumentError
from archbuilder.model.serialization import write_atomic


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="write the architecture review report")
    parser.add_argument("file", help="an .arch.json document")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--format", choices=("html", "md", "pdf"), default="html")
    parser.add_argument("--title", help="title of the report (default: the architecture's name)")
    parser.add_argument("--date", help="date shown on the report (none by default, so reports diff cleanly)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    architecture = load_document(args.file)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    review = gather(architecture, title=args.title, date=args.date)
    try:
        if args.format == "html":
            target = out / "report.html"
            write_atomic(target, render_html(review, architecture).encode("utf-8"))
        elif args.format == "md":
            target = out / "report.md"
            write_atomic(target, render_markdown(review, architecture).encode("utf-8"))
            if review.diagram_png is not None:
                write_atomic(out / "diagram.png", review.diagram_png)
        else:
            target = out / "report.pdf"
            html = render_html(review, architecture).replace(review.diagram_data_uri() or "\0", "diagram.png")
            # Qt renders the PDF; imported by name so the headless CLI never loads Qt for other formats.
            importlib.import_module("archbuilder.ui.report_pdf").write_pdf(html, review.diagram_png, target)
    except (ExportError, DocumentError) as exc:
        raise CliError(str(exc)) from None
    if review.diagram_note:
        print(review.diagram_note)
    print(f"wrote {target}")
    return 0
