"""`archbuilder rules`: every rule with its severity, pillar, the effort of its remediation, the guide passage it
comes from, the service types it applies to, the Well-Architected best practice it checks and when its AWS facts were
last confirmed."""

from __future__ import annotations

import argparse
import json
from typing import Any

from archbuilder.validation.registry import all_rules
from archbuilder.validation.rule import Rule
from archbuilder.validation.well_architected import best_practice_title


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("rules", help="list the validation rules")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)


def rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": rule.title,
        "severity": rule.severity.value,
        "pillar": rule.pillar.value,
        "effort": rule.effort.value,
        "source": rule.source.to_json(),
        "description": rule.description,
        "remediation": rule.remediation,
        "applies_to": list(rule.applies_to),
        "tags": list(rule.tags),
        "wa_best_practice": {
            "id": rule.wa_best_practice,
            "title": best_practice_title(rule.wa_best_practice),
        },
        "checked": rule.checked,
        "note": rule.note,
    }


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.format == "json":
        print(json.dumps([rule_json(r) for r in rules], indent=2, ensure_ascii=False))
        return 0
    for rule in rules:
        print(
            f"{rule.id:9} {rule.severity.value:8} {rule.pillar.value:24} {rule.effort.value:6} {rule.title}"
        )
        print(f"{'':9} {rule.source.title}")
        print(
            f"{'':9} {rule.wa_best_practice} {best_practice_title(rule.wa_best_practice)}; checked {rule.checked}; "
            f"applies to {', '.join(rule.applies_to)} [{', '.join(rule.tags)}]"
        )
        if rule.note:
            print(f"{'':9} note: {rule.note}")
    print(f"\n{len(rules)} rules")
    return 0
