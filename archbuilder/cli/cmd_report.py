"""`archbuilder report FILE -o DIR`: the architecture review as HTML, Markdown, PDF, slides or a
Well-Architected custom lens."""

from __future__ import annotations

import argparse
from pathlib import Path

from archbuilder.cli.common import CliError, load_document
from archbuilder.exporters.registry import ExportError
from archbuilder.exporters.report.formats import WRITERS, write_report
from archbuilder.exporters.report.gather import ReportOptions
from archbuilder.model import DocumentError
from archbuilder.model.text import name_error, text_error


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="write the architecture review report")
    parser.add_argument("file", help="an .arch.json document")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--format", choices=tuple(WRITERS), default="html")
    parser.add_argument("--title", help="title of the report (default: the architecture's name)")
    parser.add_argument("--date", help="date shown on the report (none by default, so reports diff cleanly)")
    parser.add_argument("--reviewer", help="who reviewed the design, for the title page")
    parser.add_argument("--scope", help="what the review covers (default: read from the design)")
    parser.add_argument(
        "--assumption",
        action="append",
        default=[],
        metavar="TEXT",
        help="an assumption the review rests on; repeat for several (default: the review's own)",
    )
    parser.set_defaults(handler=run)


def _check_text(args: argparse.Namespace) -> None:
    """The report's own text goes into HTML, Markdown, PDF and slides as data: the title, date and reviewer are
    names (one line of visible text), the scope and assumptions free text, as in a design."""
    names = [("--title", args.title), ("--date", args.date), ("--reviewer", args.reviewer)]
    texts = [("--scope", args.scope), *(("--assumption", text) for text in args.assumption)]
    for options, check in ((names, name_error), (texts, text_error)):
        for option, value in options:
            error = check(value) if value is not None else None
            if error:
                raise CliError(f"{option}: {error}")


def run(args: argparse.Namespace) -> int:
    _check_text(args)
    architecture = load_document(args.file)
    options = ReportOptions(
        title=args.title,
        date=args.date,
        reviewer=args.reviewer,
        scope=args.scope,
        assumptions=tuple(args.assumption),
    )
    try:
        review, written = write_report(architecture, Path(args.output), args.format, options)
    except ExportError as exc:
        raise CliError(str(exc), exc.exit_code) from None
    except DocumentError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:  # the output folder cannot be made or written
        raise CliError(f"{exc.filename or args.output}: {exc.strerror or exc}") from None
    if review.diagram_note:
        print(review.diagram_note)
    for path in written:
        print(f"wrote {path}")
    return 0
