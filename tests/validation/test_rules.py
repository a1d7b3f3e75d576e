"""Every rule against its passing and failing fixture, with the exact findings; and the meta-checks on the registry."""

from __future__ import annotations

import pytest

from archbuilder.validation import Severity, validate
from archbuilder.validation.registry import all_rules, rule_by_id
from tests.seeds import SEEDS_DIR, section_exists
from tests.validation.rule_cases import CASES

RULE_IDS = [rule.id for rule in all_rules()]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_passes_its_good_fixture(rule_id: str) -> None:
    result = validate(CASES[rule_id].ok(), [rule_by_id(rule_id)])
    assert result.findings == []


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_reports_exactly_its_bad_fixture(rule_id: str) -> None:
    rule = rule_by_id(rule_id)
    result = validate(CASES[rule_id].bad(), [rule])
    assert [(f.node_ids, f.message) for f in result.findings] == CASES[rule_id].expected
    for finding in result.findings:
        assert (finding.rule_id, finding.severity, finding.pillar, finding.source) == (
            rule.id,
            rule.severity,
            rule.pillar,
            rule.source,
        )
        assert finding.remediation == rule.remediation


def test_every_registered_rule_has_a_case_and_every_case_a_rule() -> None:
    assert sorted(CASES) == sorted(RULE_IDS)


def test_rule_metadata_is_complete_and_ids_follow_the_scheme() -> None:
    for rule in all_rules():
        assert rule.id.split("-")[0] in {"SEC", "REL", "COST", "PERF", "OPS", "LIM"}, rule.id
        assert rule.title and len(rule.description) > 30 and len(rule.remediation) > 15, rule.id


@pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason="the guides folder ../shared/seeds is not beside the project"
)
def test_every_rule_cites_a_real_section_of_its_guide() -> None:
    broken = [
        f"{r.id}: {r.source}" for r in all_rules() if not section_exists(r.source.seed, r.source.section)
    ]
    assert broken == []


def test_rule_modules_are_each_registered_once() -> None:
    import pkgutil

    import archbuilder.validation.rules as package

    modules = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    registered = sorted(rule_module_names())
    assert modules == registered


def rule_module_names() -> list[str]:
    from archbuilder.validation.rules import (
        _cost,
        _limits,
        _operations,
        _performance,
        _reliability,
        _security,
    )

    names = []
    for index in (_security, _reliability, _cost, _performance, _operations, _limits):
        names.extend(module.__name__.rsplit(".", 1)[1] for module in index.MODULES)
    return names


def test_no_error_severity_findings_on_a_clean_network() -> None:
    from tests.validation.rule_cases import _net

    result = validate(_net())
    assert result.count(Severity.ERROR) == 0
