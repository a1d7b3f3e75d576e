"""REL-009 (Queue without dead-letter queue): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_queue_without_dlq import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("sqs_queue", "region", "queue")),
    bad=with_(svc("sqs_queue", "region", "queue", dead_letter_queue=False)),
    expected=[(("queue",), "“Queue” has no dead-letter queue")],
)


def test_rel_queue_without_dlq() -> None:
    check_case(RULE, CASE)
