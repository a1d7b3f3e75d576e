"""REL-078 (Retention shorter than the visibility timeout): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_queue_retention_below_visibility import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("sqs_queue", "region", "jobs", message_retention_seconds=86400, visibility_timeout_seconds=900)
    ),
    bad=with_(
        svc("sqs_queue", "region", "jobs", message_retention_seconds=600, visibility_timeout_seconds=900)
    ),
    expected=[
        (
            ("jobs",),
            "“Jobs” keeps messages 600 s but hides a received one for 900 s: it can expire before it is retried",
        )
    ],
)


def test_rel_queue_retention_below_visibility() -> None:
    check_case(RULE, CASE)
