"""`archbuilder validate FILE`: the guides' findings and the lock-in score, for people, scripts or code scanning."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from archbuilder.cli.common import EXIT_FINDINGS, load_document
from archbuilder.validation import Finding, Severity, ValidationResult, validate
from archbuilder.validation.registry import all_rules
from archbuilder.validation.sarif import to_sarif


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("validate", help="check a document against the guides' rules")
    parser.add_argument("file", help="an .arch.json document")
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    parser.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        default="info",
        help="hide findings below this",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when an unsuppressed finding reaches this severity (default: error)",
    )
    parser.add_argument(
        "--cost",
        choices=("low", "expected", "high"),
        help="quote in each cost finding what its services cost a month at this usage scenario",
    )
    parser.set_defaults(handler=run)


def _node_lines(path: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    pattern = re.compile(r'^\s*"id": "([a-z][a-z0-9-]*)"')
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        match = pattern.match(line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def run(args: argparse.Namespace) -> int:
    architecture = load_document(args.file)
    result = validate(architecture)
    if args.cost:
        from archbuilder.cost.estimate import estimate
        from archbuilder.cost.quotes import quote_findings
        from archbuilder.model.usage import Scenario

        labels = {node.id: node.label for node in architecture.services()}
        result.findings = quote_findings(result.findings, estimate(architecture, Scenario(args.cost)), labels)
    floor = Severity(args.min_severity).rank
    shown = [f for f in result.findings if f.severity.rank >= floor]
    if args.format == "json":
        data = result.to_json()
        data["findings"] = [f.to_json() for f in shown]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif args.format == "sarif":
        result.findings = shown
        print(
            json.dumps(
                to_sarif(result, all_rules(), args.file, _node_lines(args.file)), indent=2, ensure_ascii=False
            )
        )
    else:
        _print_text(architecture.metadata.name, shown, result)
    if args.fail_on == "never":
        return 0
    threshold = Severity(args.fail_on).rank
    failing = [f for f in result.active if f.severity.rank >= threshold]
    return EXIT_FINDINGS if failing else 0


def _print_text(name: str, shown: list[Finding], result: ValidationResult) -> None:
    print(
        f"{name}: {result.count(Severity.ERROR)} errors, {result.count(Severity.WARNING)} warnings, "
        f"{result.count(Severity.INFO)} notes; lock-in {result.lockin.score}/100"
    )
    for finding in shown:
        nodes = f" [{', '.join(finding.node_ids)}]" if finding.node_ids else ""
        mark = " (suppressed: " + finding.suppression_reason + ")" if finding.suppressed else ""
        print(f"\n{finding.severity.value.upper():7} {finding.rule_id} {finding.message}{nodes}{mark}")
        print(f"        fix: {finding.remediation}")
        print(f"        source: {finding.source.title}")
        if finding.source.url:
            print(f"                {finding.source.url}")
