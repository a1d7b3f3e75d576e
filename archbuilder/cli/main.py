"""The headless `archbuilder` command: parses arguments and dispatches to one module per subcommand.

Only the module of the command asked for is imported, so a command starts without loading what the others
need (the Terraform parser, the report, the exporters). `archbuilder.launcher` adds the `gui` command."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Mapping, Sequence

from archbuilder import __version__
from archbuilder.cli.common import EXIT_USAGE, CliError

# Subcommand -> its module, registered explicitly, in the order `--help` lists them. Each module has
# `register(subparsers)`, which adds the subcommand's parser and sets its `handler`.
COMMANDS: dict[str, str] = {
    "new": "archbuilder.cli.cmd_new",
    "show": "archbuilder.cli.cmd_show",
    "catalog": "archbuilder.cli.cmd_catalog",
    "export": "archbuilder.cli.cmd_export",
    "validate": "archbuilder.cli.cmd_validate",
    "rules": "archbuilder.cli.cmd_rules",
    "report": "archbuilder.cli.cmd_report",
    "import": "archbuilder.cli.cmd_import",
    "cost": "archbuilder.cli.cmd_cost",
    "diff": "archbuilder.cli.cmd_diff",
    "compare": "archbuilder.cli.cmd_compare",
    "layout": "archbuilder.cli.cmd_layout",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, like every other error; the usage is one --help away.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def command_in(argv: Sequence[str], commands: Mapping[str, str] = COMMANDS) -> str | None:
    """The subcommand `argv` asks for: its first word that is not an option (the top-level options take no
    value), when it names one."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in commands else None


def build_parser(
    argv: Sequence[str] | None = None, commands: Mapping[str, str] = COMMANDS
) -> argparse.ArgumentParser:
    """The parser for `argv`: with the asked-for subcommand alone, or every subcommand when `argv` names none
    (for --help and for the error listing them). Without `argv`, every subcommand."""
    parser = _Parser(
        prog="archbuilder",
        description="Design AWS architectures, check them against the guides, export them.",
    )
    parser.add_argument("--version", action="version", version=f"archbuilder {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    chosen = command_in(argv, commands) if argv is not None else None
    for name in [chosen] if chosen is not None else list(commands):
        importlib.import_module(commands[name]).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, commands: Mapping[str, str] = COMMANDS) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if "--version" in words and command_in(words, commands) is None:
        print(f"archbuilder {__version__}")  # before any subcommand is loaded: launchers ask every tool
        return 0
    args = build_parser(words, commands).parse_args(words)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full or closed stdout is reported here, not as a traceback at exit
        return code
    except CliError as exc:
        return _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        print("archbuilder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return 0
    except OSError as exc:  # writing the output (stdout on a full disk, /dev/full)
        _drop_stdout()
        where = exc.filename or "standard output"
        return _fail(f"cannot write to {where}: {exc.strerror or exc}", EXIT_USAGE)
    except RecursionError:
        return _fail("input nested too deeply", EXIT_USAGE)
    except MemoryError:
        return _fail("out of memory", EXIT_USAGE)
    except (
        Exception
    ) as exc:  # the last line of defence: one line, never a traceback (ARCHBUILDER_DEBUG=1 shows it)
        if os.environ.get("ARCHBUILDER_DEBUG"):
            raise
        return _fail(f"internal error ({type(exc).__name__}: {str(exc)[:200]}); please report it", EXIT_USAGE)


def _fail(message: str, code: int) -> int:
    print(f"archbuilder: error: {' '.join(message.splitlines())}", file=sys.stderr)
    return code


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of what could not be written stays quiet."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
