"""COST-011 (SQS short polling): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_sqs_short_polling import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("sqs_queue", "region", "jobs", receive_wait_seconds=20)),
    bad=with_(svc("sqs_queue", "region", "jobs", receive_wait_seconds=0)),
    expected=[(("jobs",), "“Jobs” uses short polling, so consumers pay for empty receives")],
)


def test_cost_sqs_short_polling() -> None:
    check_case(RULE, CASE)
