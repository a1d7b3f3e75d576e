"""`archbuilder gui [FILE] [--screenshot OUT.png]`: open the desktop app."""

from __future__ import annotations

import argparse
import importlib

from archbuilder.cli.common import CliError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop app")
    parser.add_argument("file", nargs="?", help="an .arch.json document to open")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the main window to a PNG and exit (no display needed)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported by name so the headless CLI never imports Qt unless the GUI is asked for.
    try:
        app = importlib.import_module("archbuilder.ui.app")
    except ImportError as exc:
        raise CliError(f"the desktop app is not available: {exc}") from None
    return int(app.run(args.file, screenshot=args.screenshot))
