"""What every subcommand shares: exit codes, the error type, loading a document with a clear error."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archbuilder.model import Architecture

EXIT_OK = 0
EXIT_FINDINGS = 1  # findings reached the threshold, or a check failed
EXIT_USAGE = 2  # bad arguments or unreadable input


class CliError(Exception):
    """Reported on stderr as `archbuilder: error: …` with its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def load_document(path: str) -> Architecture:
    # Imported here so that `--version` and `--help` start without the model.
    from archbuilder.model import DocumentError, load

    if not Path(path).exists():
        raise CliError(f"{path}: no such file")
    try:
        return load(path)
    except DocumentError as exc:
        raise CliError(str(exc)) from None


def one_line_error(exc: ValueError) -> str:
    """A refusal as one line: pydantic's first error with its field, or the message's first line."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        return f"{field}: {message}" if field else message
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
