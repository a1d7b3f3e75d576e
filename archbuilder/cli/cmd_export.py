"""`archbuilder export FILE --format FORMAT -o DIR`: write CloudFormation, Terraform or a diagram."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archbuilder.cli.common import CliError, load_document
from archbuilder.exporters.registry import FORMATS, ExportError, export, export_notes
from archbuilder.model import ExportDefaults
from archbuilder.model.layout import auto_layout

# The export defaults a design switches on and off (model/document.py ExportDefaults).
SWITCHES = [name for name, field in ExportDefaults.model_fields.items() if field.annotation is bool]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help="export to CloudFormation, Terraform or a diagram")
    parser.add_argument("file", help="an .arch.json document")
    parser.add_argument("--format", "-f", required=True, choices=sorted(FORMATS), help="what to write")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write into")
    parser.add_argument(
        "--layout",
        choices=("canvas", "auto"),
        default="canvas",
        help="diagram positions: as arranged on the canvas (default) or laid out automatically (FILE is not changed)",
    )
    parser.add_argument(
        "--allow-secrets",
        action="store_true",
        help="write secrets the design holds in clear (NoEcho defaults, passwords, keys) instead of refusing",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        choices=SWITCHES,
        metavar="DEFAULT",
        help="leave out one of the design's export defaults for this export (FILE is not changed); repeatable: "
        + ", ".join(SWITCHES),
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    parser.set_defaults(handler=run)


def _progress(what: str, done: int, total: int) -> None:
    print(f"\r{what}: {done}/{total}", end="\n" if done >= total else "", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    architecture = load_document(args.file)
    if args.without:  # the loaded copy only, as --layout auto
        switched = {name: False for name in args.without}
        architecture.set_metadata(
            "export_defaults", architecture.metadata.export_defaults.model_copy(update=switched)
        )
    if args.layout == "auto":
        auto_layout(architecture)  # the loaded copy only; the document on disk stays as it is
    try:
        written = export(
            args.format,
            architecture,
            Path(args.output),
            None if args.quiet else _progress,
            allow_secrets=args.allow_secrets,
        )
    except ExportError as exc:
        raise CliError(str(exc), exc.exit_code) from None
    for path in written:
        print(f"wrote {path}")
    # The export succeeded; what it could not declare is named so that nobody deploys believing it complete.
    for note in export_notes(args.format, architecture):
        print(f"warning: {note}", file=sys.stderr)
    return 0
