"""LIM-044 (Subscribed queue smaller than the topic's messages): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_queue_smaller_than_topic_messages import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _fan_out(size: int) -> Build:
    return with_(
        svc("sns_topic", "region", "orders"),
        svc("sqs_queue", "region", "billing", max_message_size_bytes=size),
        svc(
            "sqs_queue", "region", "direct", max_message_size_bytes=1024
        ),  # written to directly, not subscribed
        svc("lambda_function", "region", "checkout"),
        connect("orders", "billing", ConnectionKind.SUBSCRIBE),
        connect("checkout", "direct", ConnectionKind.WRITE),
    )


CASE = Case(
    ok=_fan_out(262144),
    bad=_fan_out(65536),
    expected=[
        (
            ("billing", "orders"),
            "“Billing” accepts messages up to 65,536 bytes but is subscribed to “Orders”, which delivers messages of up "
            "to 262,144 bytes (256 KB); larger ones are not delivered",
        )
    ],
)


def test_lim_queue_smaller_than_topic_messages() -> None:
    check_case(RULE, CASE)
