"""Meta-checks on the rule registry: every rule module registered once, cited with a real heading, and tested by a
case of its own (tests/validation/rules/test_<module>.py) whose fixtures are judged here again."""

from __future__ import annotations

import datetime
import importlib
import pkgutil
from types import ModuleType

import pytest

import archbuilder.validation.rules as rules_package
from archbuilder.catalog import default_catalog
from archbuilder.validation import Severity, validate
from archbuilder.validation.registry import all_rules, rule_by_id
from archbuilder.validation.rule import CONTAINER_KINDS, TAGS, Effort, Rule
from archbuilder.validation.well_architected import BEST_PRACTICE_ID, BEST_PRACTICES
from tests.seeds import SEEDS_DIR, section_exists
from tests.validation.builders import Case, check_case, net

PREFIXES = {"SEC", "REL", "COST", "PERF", "OPS", "LIM", "SUS"}


def registered_modules() -> dict[str, ModuleType]:
    """Rule module name -> module, for every module a domain index lists."""
    return {module.__name__.rsplit(".", 1)[1]: module for module in rules_package.MODULES}


def test_every_rule_module_is_registered_exactly_once() -> None:
    on_disk = sorted(
        m.name for m in pkgutil.iter_modules(rules_package.__path__) if not m.name.startswith("_")
    )
    registered = [module.__name__.rsplit(".", 1)[1] for module in rules_package.MODULES]
    assert sorted(registered) == on_disk
    assert [module.RULE for module in rules_package.MODULES] == list(all_rules())
    for name, module in registered_modules().items():
        assert isinstance(getattr(module, "RULE", None), Rule), f"{name} has no RULE"


def test_rule_ids_are_unique_and_follow_the_scheme() -> None:
    ids = [rule.id for rule in all_rules()]
    assert len(ids) == len(set(ids))
    for rule in all_rules():
        prefix, _, number = rule.id.partition("-")
        assert prefix in PREFIXES and len(number) == 3 and number.isdigit(), rule.id


def test_rule_metadata_is_complete() -> None:
    for rule in all_rules():
        assert rule.title and len(rule.description) > 30 and len(rule.remediation) > 15, rule.id


def test_every_rule_names_its_services_tags_practice_and_checked_date() -> None:
    known = {service.id for service in default_catalog()} | set(CONTAINER_KINDS)
    today = datetime.date.today()
    for rule in all_rules():
        assert rule.applies_to and set(rule.applies_to) <= known, (rule.id, set(rule.applies_to) - known)
        assert len(set(rule.applies_to)) == len(rule.applies_to), rule.id
        assert rule.tags and set(rule.tags) <= TAGS, (rule.id, set(rule.tags) - TAGS)
        assert BEST_PRACTICE_ID.match(rule.wa_best_practice), rule.id
        assert rule.wa_best_practice in BEST_PRACTICES, (rule.id, rule.wa_best_practice)
        checked = datetime.date.fromisoformat(rule.checked)
        assert datetime.date(2026, 11, 1) <= checked <= today, rule.id
        assert rule.note == "" or len(rule.note) > 30, rule.id


def test_every_rule_rates_the_effort_of_its_remediation() -> None:
    unrated = [rule.id for rule in all_rules() if not isinstance(rule.effort, Effort)]
    assert unrated == []
    assert {effort: sum(1 for r in all_rules() if r.effort is effort) for effort in Effort} == {
        Effort.LOW: 156,
        Effort.MEDIUM: 125,
        Effort.HIGH: 45,
    }


# Representative ratings, with the AWS behaviour that decides them.
PINNED_EFFORTS = {
    "PERF-014": Effort.HIGH,  # an EFS performance mode is fixed at creation: new file system, data copied over
    "SEC-005": Effort.HIGH,  # RDS or EBS encryption at rest: snapshot, encrypted copy, restore as a new resource
    "PERF-006": Effort.HIGH,  # a DynamoDB key schema cannot change: new table, items migrated
    "LIM-030": Effort.HIGH,  # a subnet's CIDR cannot change: new subnet, everything in it moved
    "SEC-049": Effort.HIGH,  # an OpenSearch domain cannot move into a VPC after creation
    "REL-038": Effort.HIGH,  # MSK brokers stay in the AZs the cluster was created with
    "REL-002": Effort.MEDIUM,  # Multi-AZ adds a standby in place, without downtime
    "REL-003": Effort.MEDIUM,  # turning RDS backups on from 0 days causes a brief outage
    "REL-007": Effort.MEDIUM,  # a NAT gateway per AZ and the routes to it
    "OPS-001": Effort.MEDIUM,  # new alarms
    "SEC-011": Effort.LOW,  # key rotation is a setting on the key
    "SEC-019": Effort.LOW,  # a security group rule's source swapped for a group
    "COST-026": Effort.LOW,  # gp2 to gp3 is an in-place volume modification
    "PERF-009": Effort.LOW,  # io1 to io2 is an in-place volume modification
}


def test_representative_rules_carry_the_effort_aws_behaviour_gives_them() -> None:
    assert {rule_id: rule_by_id(rule_id).effort for rule_id in PINNED_EFFORTS} == PINNED_EFFORTS


def test_the_effort_levels_are_defined_where_the_field_is() -> None:
    doc = " ".join((Effort.__doc__ or "").split())
    for effort in Effort:
        assert f"{effort.value}: {effort.meaning}." in doc
    assert [effort.rank for effort in Effort] == [0, 1, 2]


@pytest.mark.skipif(
    not SEEDS_DIR.is_dir(), reason="the guides folder ../shared/seeds is not beside the project"
)
def test_every_rule_cites_a_real_section_of_its_guide() -> None:
    broken = [
        f"{r.id}: {r.source}" for r in all_rules() if not section_exists(r.source.seed, r.source.section)
    ]
    assert broken == []


def _case_of(module_name: str) -> Case:
    test_module = importlib.import_module(f"tests.validation.rules.test_{module_name}")
    case = getattr(test_module, "CASE", None)
    assert isinstance(case, Case), f"tests/validation/rules/test_{module_name}.py defines no CASE"
    return case


@pytest.mark.parametrize("module_name", sorted(registered_modules()))
def test_every_rule_has_a_case_with_ok_and_bad_fixtures(module_name: str) -> None:
    """Judged here too, so a test file that defines CASE but never checks it cannot hide a broken rule."""
    check_case(registered_modules()[module_name].RULE, _case_of(module_name))


def test_no_test_file_without_a_registered_rule() -> None:
    import tests.validation.rules as tests_package

    files = sorted(
        m.name.removeprefix("test_")
        for m in pkgutil.iter_modules(tests_package.__path__)
        if m.name.startswith("test_")
    )
    assert files == sorted(registered_modules())


def test_no_error_severity_findings_on_the_clean_base_network() -> None:
    result = validate(net())
    assert [f.rule_id for f in result.findings if f.severity is Severity.ERROR] == []


def test_every_catalog_service_is_the_concern_of_two_rules_or_more() -> None:
    concerned: dict[str, int] = {}
    for rule in all_rules():
        for type_id in rule.applies_to:
            concerned[type_id] = concerned.get(type_id, 0) + 1
    assert {s.id: concerned.get(s.id, 0) for s in default_catalog() if concerned.get(s.id, 0) < 2} == {}
