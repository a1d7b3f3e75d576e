"""`archbuilder cost FILE`: the design's monthly cost at a usage scenario, as text, JSON or CSV."""

from __future__ import annotations

import argparse
import json

from archbuilder.cli.common import load_document
from archbuilder.model.usage import Scenario


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cost", help="estimate the design's monthly cost from the shipped price table"
    )
    parser.add_argument("file", help="an .arch.json document")
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    parser.add_argument(
        "--scenario",
        choices=tuple(scenario.value for scenario in Scenario),
        default=Scenario.EXPECTED.value,
        help="usage scenario (default: expected)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from archbuilder.cost.estimate import estimate
    from archbuilder.cost.formats import to_csv, to_json, to_text

    architecture = load_document(args.file)
    result = estimate(architecture, Scenario(args.scenario))
    if args.format == "json":
        print(json.dumps(to_json(architecture, result), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        print(to_csv(architecture, result), end="")
    else:
        print(to_text(architecture, result), end="")
    return 0
