"""REL-079 (Topic without subscribers): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_topic_without_subscribers import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _topic(subscribed: bool) -> Build:
    return with_(
        svc("lambda_function", "region", "orders"),
        svc("sns_topic", "region", "placed"),
        svc("sqs_queue", "region", "billing"),
        connect("orders", "placed", ConnectionKind.WRITE),
        *([connect("placed", "billing", ConnectionKind.SUBSCRIBE)] if subscribed else []),
    )


CASE = Case(
    ok=_topic(subscribed=True),
    bad=_topic(subscribed=False),
    expected=[(("placed",), "“Placed” is published to but has no subscriber, so its messages are lost")],
)


def test_rel_topic_without_subscribers() -> None:
    check_case(RULE, CASE)
