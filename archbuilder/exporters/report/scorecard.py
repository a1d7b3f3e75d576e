"""The scorecard per Well-Architected pillar, and the design's strengths: risks that were checked and not found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archbuilder.model import Architecture
from archbuilder.validation import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule


@dataclass(frozen=True)
class PillarScore:
    pillar: Pillar
    high: int  # active errors
    medium: int  # active warnings
    low: int  # active notes
    accepted: int  # suppressed findings, with their reasons in the report
    checked: int  # rules of the pillar that ran
    clear: int  # of those, rules with nothing to report

    @property
    def risks(self) -> int:
        return self.high + self.medium


@dataclass(frozen=True)
class Strength:
    """A rule that looked at services of this design and found nothing wrong."""

    rule_id: str
    risk: str  # the rule's title: the risk that was checked and not found
    pillar: Pillar
    services: tuple[str, ...]  # labels of the design's services the rule is about


def enabled_rules(architecture: Architecture, rules: Sequence[Rule]) -> list[Rule]:
    settings = architecture.rule_settings
    return [r for r in rules if r.id not in settings or settings[r.id].enabled]


def scorecard(findings: list[Finding], rules: Sequence[Rule]) -> list[PillarScore]:
    found = {f.rule_id for f in findings}
    rows = []
    for pillar in Pillar:
        mine = [f for f in findings if f.pillar is pillar]
        active = [f for f in mine if not f.suppressed]
        checked = [r for r in rules if r.pillar is pillar]
        rows.append(
            PillarScore(
                pillar=pillar,
                high=sum(1 for f in active if f.severity is Severity.ERROR),
                medium=sum(1 for f in active if f.severity is Severity.WARNING),
                low=sum(1 for f in active if f.severity is Severity.INFO),
                accepted=len(mine) - len(active),
                checked=len(checked),
                clear=sum(1 for r in checked if r.id not in found),
            )
        )
    return rows


def strengths(architecture: Architecture, findings: list[Finding], rules: Sequence[Rule]) -> list[Strength]:
    """Error and warning rules about a service type the design holds that raised nothing, by pillar.

    A rule names first the service type it judges (its `applies_to` goes on with the ones it looks at around
    it): only a judged type makes the design's services a strength. Limits kept are no merit, so they are left
    out, and so are notes."""
    found = {f.rule_id for f in findings}
    labels: dict[str, list[str]] = {}
    for service in sorted(architecture.services(), key=lambda s: s.label.lower()):
        labels.setdefault(service.type, []).append(service.label)
    result = [
        Strength(rule.id, rule.title, rule.pillar, tuple(labels[rule.applies_to[0]]))
        for rule in rules
        if rule.id not in found
        and rule.applies_to
        and rule.applies_to[0] in labels
        and rule.severity in (Severity.ERROR, Severity.WARNING)
        and "limits" not in rule.tags
    ]
    order = list(Pillar)
    return sorted(result, key=lambda s: order.index(s.pillar))
