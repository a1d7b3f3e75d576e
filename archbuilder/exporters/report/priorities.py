"""The review's actions: one per rule that found something, ranked by risk and effort, numbered for the callouts.

Risk follows the Well-Architected Tool's words: an error is a high risk, a warning a medium risk, a note an
improvement. Effort is each rule's own rating of its remediation (`Rule.effort`: low, medium or high).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from archbuilder.catalog import Citation
from archbuilder.model import Architecture
from archbuilder.validation import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule

TOP_ACTIONS = 5

RISK = {Severity.ERROR: "high", Severity.WARNING: "medium", Severity.INFO: "low"}
RISK_TITLES = {Severity.ERROR: "High risk", Severity.WARNING: "Medium risk", Severity.INFO: "Improvement"}


@dataclass(frozen=True)
class Action:
    """What to do about one rule's findings: its remediation, on every node they touch."""

    number: int  # 1-based rank; the callouts on the diagram carry it
    rule_id: str
    title: str
    severity: Severity
    pillar: Pillar
    effort: Effort
    remediation: str
    source: Citation
    findings: tuple[Finding, ...]
    node_ids: tuple[str, ...]  # in the order the findings name them, each once

    @property
    def risk(self) -> str:
        return RISK[self.severity]

    def node_labels(self, architecture: Architecture) -> list[str]:
        return [architecture.nodes[n].label for n in self.node_ids if n in architecture.nodes]

    def where(self, architecture: Architecture) -> str:
        """ "Web server, App database", or "whole design" for findings about what the design lacks."""
        return ", ".join(self.node_labels(architecture)) or "whole design"


def rank_actions(findings: list[Finding], rules: Mapping[str, Rule]) -> list[Action]:
    """Every active finding grouped by rule, highest risk first, then least effort, then most findings.

    `rules` holds the rule of every finding by id: its title names the action and its effort ranks it.
    """
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        if not finding.suppressed:
            by_rule.setdefault(finding.rule_id, []).append(finding)
    drafts = []
    for rule_id, group in by_rule.items():
        first = group[0]
        # Findings of one rule may word the fix for their own nodes; the first one speaks for the action.
        remediation = first.remediation
        effort = rules[rule_id].effort
        node_ids = tuple(dict.fromkeys(n for f in group for n in f.node_ids))
        key = (-first.severity.rank, effort.rank, -len(group), rule_id)
        drafts.append((key, rule_id, group, effort, remediation, node_ids))
    drafts.sort(key=lambda draft: draft[0])
    return [
        Action(
            number=index,
            rule_id=rule_id,
            title=rules[rule_id].title,
            severity=group[0].severity,
            pillar=group[0].pillar,
            effort=effort,
            remediation=remediation,
            source=group[0].source,
            findings=tuple(group),
            node_ids=node_ids,
        )
        for index, (_key, rule_id, group, effort, remediation, node_ids) in enumerate(drafts, 1)
    ]


PRIORITY, PILLAR = "priority", "pillar"


def presentation_order(actions: list[Action], order: str) -> list[Finding]:
    """The findings to step through: by priority, in the actions' ranking; by pillar, pillar after pillar in
    the framework's order and by rank within each."""
    ranked = [finding for action in actions for finding in action.findings]
    if order == PRIORITY:
        return ranked
    pillars = list(Pillar)
    return sorted(
        ranked, key=lambda finding: pillars.index(finding.pillar)
    )  # stable: rank kept within a pillar
