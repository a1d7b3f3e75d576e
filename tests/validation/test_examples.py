"""Each bundled example raises exactly the findings below (the flawed startup-mvp: tests/validation/test_engine.py).

The examples a user starts from must not raise an error or warning an architect would call wrong: a new rule that
fires on one of them changes this list, and the change is reviewed here. What is left are notes an architect
would agree with (no WAF, no GuardDuty or AWS Config, no alarms drawn) and static-site's warning that the account
has no CloudTrail trail. The three reference designs are built to pass: notes only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from archbuilder.validation import validate

EXPECTED: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "ecs-fargate": [
        ("OPS-001", "info", ()),
        ("PERF-022", "info", ("cache",)),
        ("SEC-009", "info", ("alb",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
    ],
    "reference-data-lake": [
        ("OPS-001", "info", ()),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
    ],
    "reference-serverless-api": [
        ("COST-016", "info", ("api",)),
        ("OPS-001", "info", ()),
        ("OPS-031", "info", ("api", "orders-fn")),
        ("SEC-009", "info", ("cdn",)),
        ("SEC-020", "info", ("api",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
    ],
    "reference-web-app": [
        ("OPS-001", "info", ()),
        ("SEC-009", "info", ("web-alb",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
        ("SEC-041", "info", ("app-asg",)),
    ],
    "serverless-api": [
        ("COST-016", "info", ("api",)),
        ("OPS-001", "info", ()),
        ("OPS-031", "info", ("api", "orders-fn")),
        ("SEC-009", "info", ("cdn",)),
        ("SEC-010", "info", ("api",)),
        ("SEC-020", "info", ("api",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
    ],
    "static-site": [
        ("SEC-007", "warning", ()),
        ("SEC-009", "info", ("cdn",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
        ("SUS-005", "info", ("logs",)),
    ],
    "streaming-pipeline": [
        ("COST-022", "info", ("athena",)),
        ("OPS-001", "info", ()),
        ("SEC-010", "info", ("collector",)),
        ("SEC-020", "info", ("collector",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
    ],
    "three-tier-web": [
        ("COST-003", "info", ("app-asg",)),
        ("OPS-001", "info", ()),
        ("PERF-022", "info", ("orders-db",)),
        ("SEC-009", "info", ("web-alb",)),
        ("SEC-029", "info", ()),
        ("SEC-040", "info", ()),
        ("SEC-041", "info", ("app-asg",)),
    ],
}


def findings(name: str) -> list[tuple[str, str, tuple[str, ...]]]:
    result = validate(load(Path(str(example_path(name)))))
    return [(f.rule_id, f.severity.value, f.node_ids) for f in result.findings]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_raises_exactly_its_findings(name: str) -> None:
    assert findings(name) == EXPECTED[name]


def test_every_example_but_the_flawed_one_is_pinned() -> None:
    assert sorted(EXPECTED) == sorted(set(example_names()) - {"startup-mvp"})


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("reference-")))
def test_the_reference_designs_raise_notes_only(name: str) -> None:
    assert {severity for _, severity, _ in findings(name)} == {"info"}
