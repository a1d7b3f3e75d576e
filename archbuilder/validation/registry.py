"""All rules, in registration order (explicit lists per domain in archbuilder/validation/rules/)."""

from __future__ import annotations

from functools import cache

from archbuilder.validation.rule import Rule


@cache
def all_rules() -> tuple[Rule, ...]:
    from archbuilder.validation.rules import RULES

    ids = [rule.id for rule in RULES]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"rule ids registered twice: {', '.join(duplicates)}")
    return tuple(RULES)


def rule_by_id(rule_id: str) -> Rule:
    for rule in all_rules():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)
