"""OPS-003 (No detailed monitoring): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_no_detailed_monitoring import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("ec2_instance", "private-a", "box", detailed_monitoring=True),
            svc("cloudwatch_alarm", "region", "alarm"),
        )
    ),
    bad=with_(both(svc("ec2_instance", "private-a", "box"), svc("cloudwatch_alarm", "region", "alarm"))),
    expected=[(("box",), "“Box” reports metrics only every five minutes")],
)


def test_ops_no_detailed_monitoring() -> None:
    check_case(RULE, CASE)
