"""`archbuilder layout FILE [-o OUT]`: arrange a design automatically (tiers in rows, AZs in order, flow from
entry to data left to right, pinned nodes kept) and save it."""

from __future__ import annotations

import argparse
from pathlib import Path

from archbuilder.cli.common import CliError, load_document
from archbuilder.model import DocumentError, save
from archbuilder.model.layout import auto_layout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("layout", help="arrange a design automatically (pinned nodes stay)")
    parser.add_argument("file", help="an .arch.json document")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="where to write the result (default: FILE itself)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    architecture = load_document(args.file)
    auto_layout(architecture)
    output = Path(args.output or args.file)
    try:
        save(architecture, output)
    except DocumentError as exc:
        raise CliError(str(exc)) from None
    pinned = sum(1 for node in architecture.nodes.values() if node.pinned)
    kept = f" ({pinned} pinned node{'s' if pinned != 1 else ''} kept in place)" if pinned else ""
    print(f"arranged {len(architecture.nodes)} nodes{kept}; wrote {output}")
    return 0
