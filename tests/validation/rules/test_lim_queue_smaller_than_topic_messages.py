"""LIM-044 (Subscribed queue smaller than the topic's messages): ok and bad fixtures, exact findings.

A topic set to 1 MiB messages needs subscribed queues of 1 MiB: SQS has accepted that much since August 2025.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_queue_smaller_than_topic_messages import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_

MIB = 1048576


def _fan_out(size: int) -> Build:
    return with_(
        svc("sns_topic", "region", "orders", max_message_size_bytes=MIB),
        svc("sqs_queue", "region", "billing", max_message_size_bytes=size),
        svc("sns_topic", "region", "alerts"),  # the 256 KiB default
        svc("sqs_queue", "region", "pager"),
        svc(
            "sqs_queue", "region", "direct", max_message_size_bytes=1024
        ),  # written to directly, not subscribed
        svc("lambda_function", "region", "checkout"),
        connect("orders", "billing", ConnectionKind.SUBSCRIBE),
        connect("alerts", "pager", ConnectionKind.SUBSCRIBE),
        connect("checkout", "direct", ConnectionKind.WRITE),
    )


CASE = Case(
    ok=_fan_out(MIB),
    bad=_fan_out(262144),
    expected=[
        (
            ("billing", "orders"),
            "“Billing” accepts messages up to 262,144 bytes but is subscribed to “Orders”, which publishes messages "
            "of up to 1,048,576 bytes; larger ones are not delivered",
        )
    ],
)


def test_lim_queue_smaller_than_topic_messages() -> None:
    check_case(RULE, CASE)
