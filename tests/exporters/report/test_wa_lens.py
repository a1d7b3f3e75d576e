"""The Well-Architected custom lens: valid against the schema written from the format, pre-answered, round-trips."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.report.gather import gather
from archbuilder.exporters.report.wa_lens import evaluate, render_lens
from archbuilder.resource_files import resource_root
from archbuilder.validation import Severity
from archbuilder.validation.registry import rule_by_id
from archbuilder.validation.well_architected import best_practice_title
from tests.exporters.report.support import MVP, design, mvp_review

SCHEMA = json.loads((resource_root() / "schema" / "wa-custom-lens-2021-11-01.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    out = tmp_path_factory.mktemp("lens")
    assert main(["report", str(MVP), "-o", str(out), "--format", "wa-lens"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["wa-answers.json", "wa-lens.json"]
    return (Path(out) / "wa-lens.json").read_text("utf-8"), (Path(out) / "wa-answers.json").read_text("utf-8")


def _questions(lens: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(pillar["id"], q) for pillar in lens["pillars"] for q in pillar["questions"]]


def test_the_schema_is_a_valid_schema_and_the_lens_validates(written: tuple[str, str]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    lens = json.loads(written[0])
    assert sorted(e.message for e in VALIDATOR.iter_errors(lens)) == []
    ids = [q["id"] for _pillar, q in _questions(lens)]
    assert len(ids) == len(set(ids)) and [p["id"] for p in lens["pillars"]] == [
        p
        for p in (
            "operationalExcellence",
            "security",
            "reliability",
            "performance",
            "costOptimization",
            "sustainability",
        )
        if p in {p["id"] for p in lens["pillars"]}
    ]
    for _pillar, question in _questions(lens):
        choices = [c["id"] for c in question["choices"]]
        assert len(choices) == len(set(choices))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda lens: lens["pillars"][0]["questions"][0]["choices"].extend(
                [lens["pillars"][0]["questions"][0]["choices"][0]] * 15
            ),
            "is too long",
        ),
        (
            lambda lens: lens["pillars"][0]["questions"][0]["choices"][0].pop("improvementPlan"),
            "'improvementPlan' is a required property",
        ),
        (
            lambda lens: lens["pillars"][0]["questions"][0]["riskRules"].append(
                {"condition": "default", "risk": "NO_RISK"}
            ),
            "many items",
        ),
        (
            lambda lens: lens["pillars"][0]["questions"][0]["riskRules"][0].update(risk="LOW_RISK"),
            "is not one of",
        ),
        (lambda lens: lens["pillars"][0].update(id="a-b"), "does not match"),
        (lambda lens: lens.update(schemaVersion="2020-01-01"), "was expected"),
    ],
)
def test_the_schema_refuses_what_the_format_does_not_allow(
    written: tuple[str, str], change: Any, expected: str
) -> None:
    lens = copy.deepcopy(json.loads(written[0]))
    change(lens)
    messages = [e.message for e in VALIDATOR.iter_errors(lens)]
    assert messages and any(expected in m for m in messages), messages


def test_questions_are_best_practices_and_choices_are_the_rules_with_cited_improvement_plans(
    written: tuple[str, str],
) -> None:
    lens = json.loads(written[0])
    for pillar, question in _questions(lens):
        practice = question["id"].replace("_", "-")
        assert question["title"] == f"{practice}: {best_practice_title(practice)}"
        assert (
            pillar
            == {
                "OPS": "operationalExcellence",
                "SEC": "security",
                "REL": "reliability",
                "PERF": "performance",
                "COST": "costOptimization",
                "SUS": "sustainability",
            }[practice[: practice.index("-") - 2]]
        )
        for choice in question["choices"]:
            rule = rule_by_id(choice["id"].replace("_", "-", 1))
            assert rule.wa_best_practice == practice
            assert choice["title"] == f"{rule.id} · none found: {rule.title}"[:128]
            plan = choice["improvementPlan"]
            assert plan["displayText"] == f"{rule.remediation} Source: {rule.source.title}"
            assert (
                plan.get("url") == rule.source.url and choice["helpfulResource"].get("url") == rule.source.url
            )


def test_the_answers_select_what_found_nothing_and_carry_the_lens_risk(written: tuple[str, str]) -> None:
    review, _architecture = mvp_review()
    lens, answers = json.loads(written[0]), json.loads(written[1])
    active = {f.rule_id for f in review.result.active}
    by_id = {q["id"]: (pillar, q) for pillar, q in _questions(lens)}
    assert [a["questionId"] for a in answers["answers"]] == list(by_id)
    assert answers["lensName"] == lens["name"]
    for answer in answers["answers"]:
        pillar, question = by_id[answer["questionId"]]
        rules = [rule_by_id(c["id"].replace("_", "-", 1)) for c in question["choices"]]
        assert answer["pillarId"] == pillar
        assert answer["selectedChoices"] == [
            c["id"] for c, r in zip(question["choices"], rules, strict=True) if r.id not in active
        ]
        failed = [r for r in rules if r.id in active]
        expected = (
            "NONE"
            if not failed
            else "HIGH"
            if any(r.severity is Severity.ERROR for r in failed)
            else "MEDIUM"
        )
        assert answer["risk"] == expected == evaluate(question["riskRules"], set(answer["selectedChoices"]))
        assert all(f"{r.id}: " in answer["notes"] for r in failed)
    risks = [a["risk"] for a in answers["answers"]]
    assert "HIGH" in risks and "NONE" in risks
    multi_az = next(
        a for a in answers["answers"] if "REL_002" in {c["id"] for c in by_id[a["questionId"]][1]["choices"]}
    )
    assert "REL_002" not in multi_az["selectedChoices"] and multi_az["risk"] == "HIGH"


def test_the_lens_round_trips_to_the_same_bytes(written: tuple[str, str]) -> None:
    architecture = design()
    review = gather(architecture, with_diagram=False)
    lens_text, answers_text = written
    assert json.dumps(json.loads(lens_text), indent=2, ensure_ascii=False) + "\n" == lens_text
    assert json.dumps(json.loads(answers_text), indent=2, ensure_ascii=False) + "\n" == answers_text
    assert render_lens(review, architecture) == (lens_text, answers_text)


def test_conditions_are_read_as_the_tool_reads_them() -> None:
    rules = [
        {"condition": "a && b && c", "risk": "NO_RISK"},
        {"condition": "!a || (!b && !c)", "risk": "HIGH_RISK"},
        {"condition": "default", "risk": "MEDIUM_RISK"},
    ]
    assert [evaluate(rules, set(chosen)) for chosen in ("abc", "", "bc", "ab", "a")] == [
        "NONE",
        "HIGH",
        "HIGH",
        "MEDIUM",
        "HIGH",
    ]
