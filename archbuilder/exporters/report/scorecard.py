"""The scorecard per Well-Architected pillar, and the design's strengths: risks that were checked and not found."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from archbuilder.catalog import Catalog
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
    """Rules about service types the design holds that raised nothing, by pillar, in rule order."""
    found = {f.rule_id for f in findings}
    labels: dict[str, list[str]] = {}
    for service in sorted(architecture.services(), key=lambda s: s.label.lower()):
        labels.setdefault(service.type, []).append(service.label)
    result = []
    for rule in rules:
        if rule.id in found:
            continue
        types = [t for t in applies_to(rule, architecture.catalog) if t in labels]
        if types:
            services = tuple(label for t in sorted(types) for label in labels[t])
            result.append(Strength(rule.id, rule.title, rule.pillar, services))
    order = list(Pillar)
    return sorted(result, key=lambda s: order.index(s.pillar))


def applies_to(rule: Rule, catalog: Catalog) -> tuple[str, ...]:
    """The service types a rule is about: its own `applies_to` where it declares one, else the types its title
    names (by catalog name or short name), which is what a reader takes the rule to be about."""
    declared = getattr(rule, "applies_to", None)
    if declared:
        return tuple(declared)
    return _named_in_title(rule.title, catalog)


@cache
def _name_patterns(catalog: Catalog) -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for service in catalog:
        names = sorted({service.name, service.short_name} - {""}, key=len, reverse=True)
        words = "|".join(re.escape(name) for name in names if len(name) >= 3)
        if words:
            patterns.append((service.id, re.compile(rf"\b(?:{words})s?\b", re.IGNORECASE)))
    return tuple(patterns)


def _named_in_title(title: str, catalog: Catalog) -> tuple[str, ...]:
    return tuple(type_id for type_id, pattern in _name_patterns(catalog) if pattern.search(title))
