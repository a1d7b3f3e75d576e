"""OPS-012 (EventBridge rule without a trigger): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_eventbridge_rule_without_trigger import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("eventbridge_rule", "region", "on-upload", event_pattern='{"source": ["aws.s3"]}')),
    bad=with_(svc("eventbridge_rule", "region", "on-upload", event_pattern="", schedule_expression="")),
    expected=[(("on-upload",), "“On-upload” has neither an event pattern nor a schedule, so it never fires")],
)


def test_ops_eventbridge_rule_without_trigger() -> None:
    check_case(RULE, CASE)
