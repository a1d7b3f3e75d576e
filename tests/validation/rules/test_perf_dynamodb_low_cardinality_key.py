"""PERF-006 (Low-cardinality DynamoDB partition key): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_dynamodb_low_cardinality_key import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("dynamodb_table", "region", "orders", partition_key="order_id")),
    bad=with_(
        svc("dynamodb_table", "region", "orders", partition_key="order_status"),
        svc("dynamodb_table", "region", "events", partition_key="Date"),
    ),
    expected=[
        (("events",), "“Events” is partitioned by 'Date', which has few distinct values"),
        (("orders",), "“Orders” is partitioned by 'order_status', which has few distinct values"),
    ],
)


def test_perf_dynamodb_low_cardinality_key() -> None:
    check_case(RULE, CASE)
