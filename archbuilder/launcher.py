"""The installed commands: `archbuilder` (the headless CLI plus `gui`) and `archbuilder-gui`.

The desktop app is imported inside the `gui` command only, so every other command starts without Qt; the
headless CLI itself never imports the UI (see the import contracts in pyproject.toml)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from archbuilder.cli import main as cli
from archbuilder.cli.common import CliError

# The CLI's subcommands with `gui` after `catalog`, where `--help` has always listed it.
COMMANDS: dict[str, str] = {}
for _name, _module in cli.COMMANDS.items():
    COMMANDS[_name] = _module
    if _name == "catalog":
        COMMANDS["gui"] = __name__


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop app")
    parser.add_argument("file", nargs="?", help="an .arch.json document to open")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the main window to a PNG and exit (no display needed)"
    )
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    try:
        from archbuilder.ui.app import run
    except ImportError as exc:
        raise CliError(f"the desktop app is not available: {exc}") from None
    return int(run(args.file, screenshot=args.screenshot))


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    return cli.build_parser(argv, COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `archbuilder`."""
    return cli.main(argv, COMMANDS)


def gui_main() -> int:
    """Entry point of `archbuilder-gui`: same as `archbuilder gui [FILE]`."""
    # Launchers and package checks ask every installed command for its version.
    if sys.argv[1:] == ["--version"]:
        return main(["--version"])
    return main(["gui", *sys.argv[1:]])
