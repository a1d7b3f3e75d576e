"""The rule list as people read it: docs/rules.md and the README's rule counts, generated from the rules' metadata.

`scripts/generate_rules_doc.py` writes both; tests/validation/test_rules_doc.py fails when either is stale.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from archbuilder.validation.finding import Pillar
from archbuilder.validation.rule import Effort, Rule
from archbuilder.validation.well_architected import best_practice_title

COUNTS_SENTENCE = re.compile(r"\d+ rules cover the six Well-Architected pillars \([^;]*;")


def pillar_counts(rules: Sequence[Rule]) -> list[tuple[Pillar, int]]:
    """Rules per pillar, most first (ties in the pillars' own order)."""
    counted = Counter(rule.pillar for rule in rules)
    order = list(Pillar)
    return sorted(counted.items(), key=lambda item: (-item[1], order.index(item[0])))


def counts_sentence(rules: Sequence[Rule]) -> str:
    """ "N rules cover the six Well-Architected pillars (reliability 97, security 36, ...;" as the README says it."""
    parts = ", ".join(f"{pillar.heading.lower()} {count}" for pillar, count in pillar_counts(rules))
    return f"{len(rules)} rules cover the six Well-Architected pillars ({parts};"


def with_counts(readme: str, rules: Sequence[Rule]) -> str:
    """The README text with its rule counts sentence made true."""
    return COUNTS_SENTENCE.sub(lambda _: counts_sentence(rules), readme, count=1)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rule_row(rule: Rule) -> str:
    practice = f"{rule.wa_best_practice} {best_practice_title(rule.wa_best_practice)}"
    applies = ", ".join(f"`{name}`" for name in rule.applies_to)
    source = rule.source.title
    cells = (
        rule.id,
        rule.severity.value,
        rule.effort.value,
        rule.title,
        applies,
        practice,
        source,
        rule.checked,
    )
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def render_markdown(rules: Sequence[Rule]) -> str:
    """docs/rules.md: the counts, then each pillar's rules in a table, then where rules depart from their guides."""
    lines = [
        "# Validation rules",
        "",
        "Generated from the rules' metadata by `scripts/generate_rules_doc.py`; do not edit by hand.",
        "",
        f"{len(rules)} rules. Each cites the guide passage it comes from, names the service types it applies to and "
        "the AWS Well-Architected best practice it checks, says when its AWS facts were last confirmed (checked), "
        "and rates the effort of its remediation:",
        "",
        *(f"- **{effort.value}**: {effort.meaning}" for effort in Effort),
        "",
        "The review report ranks its actions by risk, then by this effort.",
        "",
        "| Effort | Rules |",
        "| --- | --- |",
        *(f"| {effort.value} | {sum(1 for r in rules if r.effort is effort)} |" for effort in Effort),
        "",
        "| Pillar | Rules |",
        "| --- | --- |",
        *(f"| {pillar.heading} | {count} |" for pillar, count in pillar_counts(rules)),
    ]
    for pillar, _ in pillar_counts(rules):
        lines += [
            "",
            f"## {pillar.heading}",
            "",
            "| Id | Severity | Effort | Rule | Applies to | Well-Architected | Guide | Checked |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            *(_rule_row(rule) for rule in sorted(rules, key=lambda r: r.id) if rule.pillar is pillar),
        ]
    noted = sorted((rule for rule in rules if rule.note), key=lambda r: r.id)
    if noted:
        lines += ["", "## Where rules depart from their guides", ""]
        lines += [f"- **{rule.id}** {rule.title}: {_cell(rule.note)}" for rule in noted]
    return "\n".join(lines) + "\n"
