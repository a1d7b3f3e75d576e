"""Runs the registered rules over an architecture: settings, suppressions, internal errors, lock-in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.graph import build
from archbuilder.model import Architecture
from archbuilder.validation import suppressions
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.lockin import LockinScore, score
from archbuilder.validation.rule import Rule


@dataclass
class ValidationResult:
    findings: list[Finding]
    lockin: LockinScore

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.active if f.severity is severity)

    def to_json(self) -> dict[str, Any]:
        return {"findings": [f.to_json() for f in self.findings], "lockin": self.lockin.to_json()}


def validate(architecture: Architecture, rules: Sequence[Rule] | None = None) -> ValidationResult:
    """Every enabled rule over the architecture, with per-document settings and suppressions applied, sorted."""
    with cyclic_gc_paused():
        return _validate(architecture, rules)


def _validate(architecture: Architecture, rules: Sequence[Rule] | None) -> ValidationResult:
    if rules is None:
        from archbuilder.validation.registry import all_rules

        rules = all_rules()
    graph = build(architecture)
    findings: list[Finding] = []
    for rule in rules:
        setting = architecture.rule_settings.get(rule.id)
        if setting is not None and not setting.enabled:
            continue
        try:
            found = rule.run(graph)
        except Exception as exc:  # a broken rule must never take the whole check down
            found = [
                Finding(
                    rule_id=rule.id,
                    severity=Severity.WARNING,
                    pillar=Pillar.OPERATIONAL_EXCELLENCE,
                    message=f"internal error in rule {rule.id} ({rule.title}): {type(exc).__name__}: {exc}",
                    node_ids=(),
                    remediation="Report this as a bug in archbuilder; the other rules still ran.",
                    source=rule.source,
                )
            ]
        if setting is not None and setting.severity is not None:
            found = [replace(f, severity=Severity(setting.severity)) for f in found]
        findings.extend(found)
    findings = suppressions.apply(architecture.suppressions, findings)
    findings.sort(key=Finding.sort_key)
    return ValidationResult(findings=findings, lockin=score(architecture, graph.services))
