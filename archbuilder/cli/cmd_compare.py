"""`archbuilder compare A B`: what changes from one design to another, in findings, lock-in and monthly cost."""

from __future__ import annotations

import argparse
import json

from archbuilder.cli.common import load_document


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare", help="compare two designs: services, findings, lock-in and monthly cost per scenario"
    )
    parser.add_argument("before", help="the design compared from (.arch.json)")
    parser.add_argument("after", help="the design compared to (.arch.json)")
    parser.add_argument("--format", choices=("text", "json", "html"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from archbuilder.compare.designs import compare
    from archbuilder.compare.render import to_html, to_text

    before, after = load_document(args.before), load_document(args.after)
    comparison = compare(before, after)
    if args.format == "json":
        print(json.dumps(comparison.to_json(), indent=2, ensure_ascii=False))
    elif args.format == "html":
        print(to_html(comparison, before, after), end="")
    else:
        print(to_text(comparison), end="")
    return 0
