"""LIM-051 (EventBridge rule with more than five targets): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_eventbridge_rule_too_many_targets import RULE
from tests.validation.builders import Build, Case, both, check_case, connect, svc, with_


def _fan_out(targets: int) -> Build:
    return with_(
        svc("eventbridge_rule", "region", "orders", event_pattern='{"source": ["shop"]}'),
        *[
            both(svc("sqs_queue", "region", f"q{n}"), connect("orders", f"q{n}", ConnectionKind.EVENT))
            for n in range(targets)
        ],
    )


CASE = Case(
    ok=_fan_out(5),
    bad=_fan_out(6),
    expected=[(("orders",), "“Orders” sends to 6 targets; a rule takes at most 5")],
)


def test_lim_eventbridge_rule_too_many_targets() -> None:
    check_case(RULE, CASE)
