"""OPS-020 (Alarm on a metric EC2 does not report): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_alarm_on_agent_metric import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("cloudwatch_alarm", "region", "busy", metric_name="CPUUtilization")),
    bad=with_(svc("cloudwatch_alarm", "region", "busy", metric_name="MemoryUtilization")),
    expected=[
        (
            ("busy",),
            "“Busy” watches MemoryUtilization, which exists only when an agent inside the instance publishes it",
        )
    ],
)


def test_ops_alarm_on_agent_metric() -> None:
    check_case(RULE, CASE)
