"""REL-018 (Visibility timeout shorter than the consumer): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_visibility_shorter_than_consumer import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("sqs_queue", "region", "queue", visibility_timeout_seconds=180),
            svc("lambda_function", "region", "fn", timeout_seconds=30),
            connect("queue", "fn", ConnectionKind.POLL),
        )
    ),
    bad=with_(
        both(
            svc("sqs_queue", "region", "queue", visibility_timeout_seconds=10),
            svc("lambda_function", "region", "fn", timeout_seconds=30),
            connect("queue", "fn", ConnectionKind.POLL),
        )
    ),
    expected=[(("queue", "fn"), "“Queue” hides messages for 10 s but “Fn” may run 30 s")],
)


def test_rel_visibility_shorter_than_consumer() -> None:
    check_case(RULE, CASE)
