"""REL-050 (Queue without a consumer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_queue_without_consumer import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_QUEUES = (
    svc("lambda_function", "region", "orders"),
    svc("sqs_queue", "region", "jobs"),
    svc("sqs_queue", "region", "spare"),
    svc("ecs_service", "private-a", "worker", ["private-b"]),
    connect("orders", "jobs", ConnectionKind.WRITE),
)

CASE = Case(
    ok=with_(*_QUEUES, connect("worker", "jobs", ConnectionKind.READ)),
    bad=with_(*_QUEUES),
    expected=[(("jobs", "orders"), "“Jobs” receives messages from “Orders”, but nothing reads them")],
)


def test_rel_queue_without_consumer() -> None:
    check_case(RULE, CASE)
