"""OPS-001 (No alarms): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_no_alarms import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(both(svc("ec2_instance", "private-a", "app"), svc("cloudwatch_alarm", "region", "alarm"))),
    bad=with_(svc("ec2_instance", "private-a", "app")),
    expected=[((), "No CloudWatch alarm watches the 1 running services of this design")],
)


def test_ops_no_alarms() -> None:
    check_case(RULE, CASE)
