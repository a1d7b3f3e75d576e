"""Applies the document's suppressions to findings: a suppressed finding is kept and marked, never dropped."""

from __future__ import annotations

from collections.abc import Iterable

from archbuilder.model import Suppression
from archbuilder.validation.finding import Finding


def matches(suppression: Suppression, finding: Finding) -> bool:
    """A suppression covers a finding of its rule whose nodes are exactly its node ids (in any order).

    A suppression with no node ids covers every finding of its rule (for design-wide findings such as "no
    CloudTrail", and for accepting a rule wholesale while keeping the reason on record).
    """
    if suppression.rule_id != finding.rule_id:
        return False
    return not suppression.node_ids or set(suppression.node_ids) == set(finding.node_ids)


def apply(suppressions: Iterable[Suppression], findings: Iterable[Finding]) -> list[Finding]:
    """The findings in the same order, each marked suppressed (with the first matching reason) when one covers it."""
    rules = list(suppressions)
    if not rules:
        return list(findings)  # most documents suppress nothing
    result = []
    for finding in findings:
        match = next((s for s in rules if matches(s, finding)), None)
        result.append(finding.suppress(match.reason) if match is not None else finding)
    return result
