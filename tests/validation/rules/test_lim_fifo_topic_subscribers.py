"""LIM-017 (FIFO topic with a non-FIFO subscriber): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_fifo_topic_subscribers import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _fifo_topic_to_queue(queue_fifo: bool) -> Build:
    return with_(
        svc("sns_topic", "region", "orders", fifo=True),
        svc("sqs_queue", "region", "billing", fifo=queue_fifo),
        connect("orders", "billing", ConnectionKind.SUBSCRIBE),
    )


CASE = Case(
    ok=_fifo_topic_to_queue(True),
    bad=_fifo_topic_to_queue(False),
    expected=[
        (
            ("orders", "billing"),
            "FIFO topic “Orders” cannot deliver to “Billing”: only FIFO SQS queues can subscribe",
        )
    ],
)


def test_lim_fifo_topic_subscribers() -> None:
    check_case(RULE, CASE)
