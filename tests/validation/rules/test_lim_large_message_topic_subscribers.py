"""LIM-046 (Large-message topic with subscribers it cannot serve): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture
from archbuilder.validation import validate
from archbuilder.validation.rules.lim_large_message_topic_subscribers import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_

MIB = 1048576


def _topic(size: int) -> Build:
    return with_(
        svc("sns_topic", "region", "orders", max_message_size_bytes=size),
        svc("sqs_queue", "region", "billing", max_message_size_bytes=MIB),
        svc("generic", "region", "webhook", resource_type="AWS::SNS::Subscription"),
        connect("orders", "billing", ConnectionKind.SUBSCRIBE),
        connect("orders", "webhook", ConnectionKind.SUBSCRIBE),
    )


CASE = Case(
    ok=_topic(262144),
    bad=_topic(MIB),
    expected=[
        (
            ("orders", "webhook"),
            "“Orders” accepts messages of up to 1,048,576 bytes, so it can deliver only to SQS, Lambda and Firehose "
            "subscribers, not to “Webhook”",
        )
    ],
)


def test_lim_large_message_topic_subscribers() -> None:
    check_case(RULE, CASE)


def test_a_large_message_topic_takes_at_most_100_subscriptions() -> None:
    arch: Architecture = with_(svc("sns_topic", "region", "orders", max_message_size_bytes=MIB))()
    for n in range(101):
        arch.add_service("sqs_queue", "region", label=f"Q{n}", node_id=f"q{n:03}")
        arch.connect("orders", f"q{n:03}", ConnectionKind.SUBSCRIBE)
    assert [f.message for f in validate(arch, [RULE]).findings] == [
        "“Orders” accepts messages above 256 KiB and has 101 subscriptions; such a topic takes at most 100"
    ]
