"""`archbuilder rules`: every rule with its severity, pillar and the guide passage it comes from."""

from __future__ import annotations

import argparse
import json

from archbuilder.validation.registry import all_rules


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list the validation rules")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "severity": r.severity.value,
                        "pillar": r.pillar.value,
                        "source": r.source.to_json(),
                        "description": r.description,
                        "remediation": r.remediation,
                    }
                    for r in rules
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    for rule in rules:
        print(f"{rule.id:9} {rule.severity.value:8} {rule.pillar.value:24} {rule.title}")
        print(f"{'':9} {rule.source.title}")
    print(f"\n{len(rules)} rules")
    return 0
