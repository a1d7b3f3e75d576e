"""COST-004 (Logs kept forever): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_log_retention_forever import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("cloudwatch_log_group", "region", "logs")),
    bad=with_(svc("cloudwatch_log_group", "region", "logs", retention_days="never")),
    expected=[(("logs",), "“Logs” keeps log events forever")],
)


def test_cost_log_retention_forever() -> None:
    check_case(RULE, CASE)
