"""`archbuilder new NAME [--from EXAMPLE] -o FILE`: start a document, blank or from a bundled example."""

from __future__ import annotations

import argparse
from pathlib import Path

from archbuilder.cli.common import CliError
from archbuilder.model import Architecture, DocumentError, InvariantError, loads, save
from archbuilder.resource_files import example_names, example_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help="create a new document, blank or from an example")
    parser.add_argument("name", help="the architecture's name")
    parser.add_argument("--from", dest="example", metavar="EXAMPLE", help="start from a bundled example")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the .arch.json")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    architecture = Architecture()
    try:
        architecture.set_metadata("name", args.name)
    except InvariantError as exc:
        why = str(exc).removeprefix("metadata › name: ")
        raise CliError(f"design name {args.name[:60]!r}{'…' if len(args.name) > 60 else ''}: {why}") from None
    if output.exists() and not args.force:
        raise CliError(f"{output} already exists; pass --force to overwrite it")
    if args.example:
        names = example_names()
        if args.example not in names:
            raise CliError(f"unknown example {args.example!r}; choose one of: {', '.join(names)}")
        architecture = loads(example_path(args.example).read_bytes(), f"example {args.example}")
    architecture.set_metadata("name", args.name)
    try:
        save(architecture, output)
    except DocumentError as exc:
        raise CliError(str(exc)) from None
    print(f"wrote {output}")
    return 0
