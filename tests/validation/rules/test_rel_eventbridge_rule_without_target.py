"""REL-046 (EventBridge rule without a target): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_eventbridge_rule_without_target import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_RULE = (
    svc("eventbridge_rule", "region", "nightly", schedule_expression="cron(0 2 * * ? *)"),
    svc("lambda_function", "region", "cleanup"),
    connect("cleanup", "nightly", ConnectionKind.EVENT),  # an event the function publishes is not a target
)

CASE = Case(
    ok=with_(*_RULE, connect("nightly", "cleanup", ConnectionKind.INVOKE)),
    bad=with_(*_RULE),
    expected=[(("nightly",), "“Nightly” has no target: the events it matches go nowhere")],
)


def test_rel_eventbridge_rule_without_target() -> None:
    check_case(RULE, CASE)
