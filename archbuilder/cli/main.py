"""The `archbuilder` command: parses arguments and dispatches to one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from archbuilder import __version__
from archbuilder.cli.common import EXIT_USAGE, CliError

# One module per subcommand, registered explicitly; each has `register(subparsers)` that sets `handler`.
COMMAND_MODULES = (
    "archbuilder.cli.cmd_new",
    "archbuilder.cli.cmd_show",
    "archbuilder.cli.cmd_catalog",
    "archbuilder.cli.cmd_gui",
    "archbuilder.cli.cmd_export",
    "archbuilder.cli.cmd_validate",
    "archbuilder.cli.cmd_rules",
    "archbuilder.cli.cmd_report",
    "archbuilder.cli.cmd_import",
    "archbuilder.cli.cmd_cost",
    "archbuilder.cli.cmd_diff",
    "archbuilder.cli.cmd_compare",
    "archbuilder.cli.cmd_layout",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="archbuilder",
        description="Design AWS architectures, check them against the guides, export them.",
    )
    parser.add_argument("--version", action="version", version=f"archbuilder {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"archbuilder: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("archbuilder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def gui_main() -> int:
    """Entry point of `archbuilder-gui`: same as `archbuilder gui [FILE]`."""
    # Launchers and package checks ask every installed command for its version.
    if sys.argv[1:] == ["--version"]:
        return main(["--version"])
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    raise SystemExit(main())
