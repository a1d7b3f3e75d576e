"""SARIF 2.1.0 output, as GitHub code scanning reads it: one result per finding, located in the document."""

from __future__ import annotations

from typing import Any

from archbuilder import __version__
from archbuilder.catalog import Citation
from archbuilder.validation.engine import ValidationResult
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


# GitHub code scanning ranks security alerts by this property (0-10): critical >= 9, high >= 7, medium >= 4.
SECURITY_SEVERITY = {Severity.ERROR: "8.0", Severity.WARNING: "5.0", Severity.INFO: "2.0"}


def _rule_properties(rule: Rule) -> dict[str, Any]:
    properties: dict[str, Any] = {"tags": [rule.pillar.value], "pillar": rule.pillar.value}
    if (
        rule.pillar is Pillar.SECURITY
    ):  # its tag is already "security", which GitHub needs to show the severity
        properties["security-severity"] = SECURITY_SEVERITY[rule.severity]
    return properties


def _source_properties(source: Citation) -> dict[str, str]:
    """The guide passage as people read it, its public link, and the seed file as the machine-readable key."""
    properties = {"source": source.title, "sourceSeed": source.seed, "sourceSection": source.section}
    if source.url:
        properties["sourceUrl"] = source.url
    return properties


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.title,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description},
        "help": {"text": f"{rule.remediation} Source: {rule.source.title}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": _rule_properties(rule),
    }
    if rule.source.url:
        # Code scanning shows helpUri as the rule's "learn more" link.
        descriptor["helpUri"] = rule.source.url
        title = rule.source.title.replace("[", "\\[").replace("]", "\\]")
        descriptor["help"]["markdown"] = f"{rule.remediation}\n\nSource: [{title}]({rule.source.url})"
    return descriptor


def to_sarif(
    result: ValidationResult, rules: tuple[Rule, ...], document_uri: str, lines: dict[str, int]
) -> dict[str, Any]:
    """`lines` maps node ids to the line of their entry in the document, so results point at the right place."""
    index = {rule.id: position for position, rule in enumerate(rules)}
    results = []
    for finding in result.findings:
        line = min((lines[n] for n in finding.node_ids if n in lines), default=1)
        entry: dict[str, Any] = {
            "ruleId": finding.rule_id,
            "level": LEVELS[finding.severity],
            "message": {"text": f"{finding.message}. {finding.remediation}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": document_uri},
                        "region": {"startLine": line},
                    },
                    "logicalLocations": [
                        {"name": node_id, "kind": "resource"} for node_id in finding.node_ids
                    ],
                }
            ],
            "partialFingerprints": {"archbuilderFinding": f"{finding.rule_id}:{','.join(finding.node_ids)}"},
            "properties": {"pillar": finding.pillar.value, **_source_properties(finding.source)},
        }
        if finding.rule_id in index:
            entry["ruleIndex"] = index[finding.rule_id]
        if finding.suppressed:
            entry["suppressions"] = [{"kind": "inSource", "justification": finding.suppression_reason}]
        results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "archbuilder",
                        "version": __version__,
                        "rules": [_rule_descriptor(rule) for rule in rules],
                    }
                },
                "results": results,
            }
        ],
    }
