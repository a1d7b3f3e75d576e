"""OPS-011 (Invalid schedule expression): ok and bad fixtures, exact findings, and the expression grammar."""

from __future__ import annotations

import pytest

from archbuilder.validation.rules.ops_schedule_expression_invalid import RULE, valid_schedule
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("eventbridge_rule", "region", "nightly", schedule_expression="cron(0 2 * * ? *)")),
    bad=with_(svc("eventbridge_rule", "region", "nightly", schedule_expression="every night at 2")),
    expected=[(("nightly",), "“Nightly” has a schedule EventBridge cannot parse: every night at 2")],
)


def test_ops_schedule_expression_invalid() -> None:
    check_case(RULE, CASE)


@pytest.mark.parametrize(
    ("expression", "valid"),
    [
        ("rate(1 hour)", True),
        ("rate(5 minutes)", True),
        ("rate(1 days)", False),
        ("rate(5 minute)", False),
        ("rate(0 minutes)", False),
        ("cron(0 12 * * ? *)", True),
        ("cron(0 12 * * ?)", False),
        ("0 12 * * ? *", False),
    ],
)
def test_schedule_grammar(expression: str, valid: bool) -> None:
    assert valid_schedule(expression) is valid
