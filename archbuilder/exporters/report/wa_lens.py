"""The review as a Well-Architected Tool custom lens (format 2021-11-01) and its answers for this design.

One question per Well-Architected best practice the design's rules check, under that practice's pillar; one
choice per rule ("none found: <the risk>"), with the rule's description as the helpful resource and its
remediation and citation as the improvement plan. The lens is pre-answered in wa-answers.json: a choice is
selected when its rule found nothing active here, and each answer carries the risk the lens's own rules give
it. resources/schema/wa-custom-lens-2021-11-01.schema.json describes the format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from archbuilder.exporters.report.gather import Review
from archbuilder.model import Architecture
from archbuilder.validation import Severity
from archbuilder.validation.registry import all_rules
from archbuilder.validation.rule import Rule
from archbuilder.validation.well_architected import best_practice_title

SCHEMA_VERSION = "2021-11-01"
PILLAR_IDS = {
    "OPS": ("operationalExcellence", "Operational excellence"),
    "SEC": ("security", "Security"),
    "REL": ("reliability", "Reliability"),
    "PERF": ("performance", "Performance efficiency"),
    "COST": ("costOptimization", "Cost optimization"),
    "SUS": ("sustainability", "Sustainability"),
}
QUESTIONS_PER_PILLAR, CHOICES_PER_QUESTION = 20, 15  # the format's limits
RISKS = {"HIGH_RISK": "HIGH", "MEDIUM_RISK": "MEDIUM", "NO_RISK": "NONE"}


@dataclass(frozen=True)
class Question:
    pillar: str  # the lens's pillar id
    practice: str  # "REL10-BP01"
    rules: tuple[Rule, ...]


def _id(text: str) -> str:
    """A lens id: letters, digits and underscores only."""
    return re.sub(r"[^A-Za-z0-9_]", "_", text)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def relevant_rules(review: Review, architecture: Architecture) -> list[Rule]:
    """Rules that found something here, or that judge or look at a service type of the design."""
    types = {s.type for s in architecture.services()}
    found = {f.rule_id for f in review.result.findings}
    settings = architecture.rule_settings
    return [
        rule
        for rule in all_rules()
        if rule.wa_best_practice
        and (rule.id not in settings or settings[rule.id].enabled)
        and (rule.id in found or types & set(rule.applies_to))
    ]


def _framework_pillar(practice: str) -> str:
    """ "REL10-BP01" -> "REL": the pillar a best practice belongs to, whatever the rule's own pillar."""
    return re.sub(r"\d.*", "", practice)


def questions(rules: Iterable[Rule]) -> list[Question]:
    """One question per best practice, in the framework's pillar order; the most severe rules first, at most
    as many as a question may have choices."""
    by_practice: dict[str, list[Rule]] = {}
    for rule in rules:
        by_practice.setdefault(rule.wa_best_practice, []).append(rule)
    order = list(PILLAR_IDS)
    practices = sorted(by_practice, key=lambda p: (order.index(_framework_pillar(p)), p))
    return [
        Question(
            PILLAR_IDS[_framework_pillar(practice)][0],
            practice,
            tuple(
                sorted(by_practice[practice], key=lambda r: (-r.severity.rank, r.id))[:CHOICES_PER_QUESTION]
            ),
        )
        for practice in practices
    ]


def _choice(rule: Rule) -> dict[str, Any]:
    helpful: dict[str, str] = {"displayText": _clip(rule.description, 1024)}
    plan: dict[str, str] = {"displayText": _clip(f"{rule.remediation} Source: {rule.source.title}", 1024)}
    if rule.source.url:
        helpful["url"] = plan["url"] = rule.source.url
    return {
        "id": _id(rule.id),
        "title": _clip(f"{rule.id} · none found: {rule.title}", 128),
        "helpfulResource": helpful,
        "improvementPlan": plan,
    }


def risk_rules(question: Question) -> list[dict[str, str]]:
    """All choices selected: no risk; an error rule's choice left out: high; anything else: medium."""
    ids = [_id(rule.id) for rule in question.rules]
    rules = [{"condition": " && ".join(ids), "risk": "NO_RISK"}]
    errors = [_id(rule.id) for rule in question.rules if rule.severity is Severity.ERROR]
    if errors:
        rules.append({"condition": " || ".join(f"!{choice}" for choice in errors), "risk": "HIGH_RISK"})
    rules.append({"condition": "default", "risk": "MEDIUM_RISK"})
    return rules


def build_lens(review: Review, architecture: Architecture) -> tuple[dict[str, Any], dict[str, Any]]:
    """The lens and its answers for this design."""
    asked = questions(relevant_rules(review, architecture))
    active = {f.rule_id: f for f in review.result.active}
    pillars: dict[str, dict[str, Any]] = {}
    answers = []
    for question in asked:
        name = dict(PILLAR_IDS.values())[question.pillar]
        pillar = pillars.setdefault(question.pillar, {"id": question.pillar, "name": name, "questions": []})
        if len(pillar["questions"]) >= QUESTIONS_PER_PILLAR:
            continue
        selected = [_id(r.id) for r in question.rules if r.id not in active]
        met = f"{len(selected)} of {len(question.rules)}"
        pillar["questions"].append(
            {
                "id": _id(question.practice),
                "title": _clip(f"{question.practice}: {best_practice_title(question.practice)}", 128),
                "description": _clip(
                    f"The archbuilder rules that check this practice on {review.design_name}: {met} found nothing.",
                    2048,
                ),
                "choices": [_choice(rule) for rule in question.rules],
                "riskRules": risk_rules(question),
            }
        )
        notes = "; ".join(f"{f.rule_id}: {f.message}" for r in question.rules if (f := active.get(r.id)))
        answers.append(
            {
                "pillarId": question.pillar,
                "questionId": _id(question.practice),
                "selectedChoices": selected,
                "notes": _clip(notes or "No finding.", 2084),
                "risk": evaluate(pillar["questions"][-1]["riskRules"], set(selected)),
            }
        )
    name = _clip(f"archbuilder review: {review.title}", 128)
    lens = {
        "schemaVersion": SCHEMA_VERSION,
        "name": name,
        "description": _clip(
            f"Questions from archbuilder's rules for {review.design_name}: one per Well-Architected best practice "
            "they check, one choice per rule, with the guides' remediation in the improvement plans.",
            2048,
        ),
        "pillars": [pillars[pid] for pid, _name in PILLAR_IDS.values() if pid in pillars],
    }
    return lens, {"lensName": name, "answers": answers}


_TOKEN = re.compile(r"\s*(&&|\|\||!|\(|\)|[A-Za-z0-9_]+)")


def evaluate(rules: list[dict[str, str]], selected: set[str]) -> str:
    """The risk ("HIGH", "MEDIUM", "NONE") the first matching rule gives a set of selected choices, as the
    Well-Architected Tool reads the conditions: choice ids joined by !, && and ||, in order, "default" last."""
    for rule in rules:
        if rule["condition"] == "default" or _condition(rule["condition"], selected):
            return RISKS[rule["risk"]]
    return "UNANSWERED"


def _condition(text: str, selected: set[str]) -> bool:
    tokens = _TOKEN.findall(text)

    def either(position: int) -> tuple[bool, int]:
        value, position = both(position)
        while position < len(tokens) and tokens[position] == "||":
            right, position = both(position + 1)
            value = value or right
        return value, position

    def both(position: int) -> tuple[bool, int]:
        value, position = single(position)
        while position < len(tokens) and tokens[position] == "&&":
            right, position = single(position + 1)
            value = value and right
        return value, position

    def single(position: int) -> tuple[bool, int]:
        token = tokens[position]
        if token == "!":
            value, position = single(position + 1)
            return not value, position
        if token == "(":
            value, position = either(position + 1)
            return value, position + 1  # the closing parenthesis
        return token in selected, position + 1

    return either(0)[0]


def render_lens(review: Review, architecture: Architecture) -> tuple[str, str]:
    """The lens JSON and the answers JSON, as written to wa-lens.json and wa-answers.json."""
    lens, answers = build_lens(review, architecture)
    return _dump(lens), _dump(answers)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
