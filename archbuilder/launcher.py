"""The installed commands: `archbuilder` (the headless CLI plus `gui`) and `archbuilder-gui`.

The desktop app is imported inside the `gui` command only, so every other command starts without Qt; the
headless CLI itself never imports the UI (see the import contracts in pyproject.toml)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

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


def console_main() -> NoReturn:
    """Entry point of the installed `archbuilder` (and of `python -m archbuilder`): the command, then an exit
    without tearing the interpreter down. Freeing the hundreds of modules and the catalog's models one by one
    took a third of a short command's time, and a finished headless command holds nothing that needs it: its
    files are written and closed, and its output is flushed here. The desktop app exits the usual way (Qt and
    its settings are saved as they are destroyed)."""
    code = main()
    if cli.command_in(sys.argv[1:], COMMANDS) == "gui":
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that went away (| head) needs nothing more
            stream.flush()
    os._exit(code)


def gui_main() -> int:
    """Entry point of `archbuilder-gui`: same as `archbuilder gui [FILE]`."""
    # Launchers and package checks ask every installed command for its version.
    if sys.argv[1:] == ["--version"]:
        return main(["--version"])
    return main(["gui", *sys.argv[1:]])
