"""OPS-019 (Alarm without an action): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.ops_alarm_without_action import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_ALARM = svc("cloudwatch_alarm", "region", "cpu-high")
_TOPIC = svc("sns_topic", "region", "on-call")

CASE = Case(
    ok=with_(_ALARM, _TOPIC, connect("cpu-high", "on-call", ConnectionKind.EVENT)),
    bad=with_(_ALARM, _TOPIC),
    expected=[
        (("cpu-high",), "“Cpu-high” has no action: nobody is notified and nothing reacts when it fires"),
    ],
)


def test_ops_alarm_without_action() -> None:
    check_case(RULE, CASE)
