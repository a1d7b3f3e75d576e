"""COST-020 (Lambda trigger loop): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.cost_lambda_trigger_loop import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _pipeline(output: str) -> Build:
    return with_(
        svc("s3_bucket", "region", "uploads"),
        svc("s3_bucket", "region", "thumbnails"),
        svc("lambda_function", "region", "resize"),
        svc("dynamodb_table", "region", "catalog"),
        connect("uploads", "resize", ConnectionKind.EVENT),
        connect("resize", "catalog", ConnectionKind.READ),  # reading triggers nothing
        connect("resize", output, ConnectionKind.WRITE),
    )


CASE = Case(
    ok=_pipeline("thumbnails"),
    bad=_pipeline("uploads"),
    expected=[
        (
            ("resize", "uploads"),
            "“Resize” → “Uploads” → “Resize”: each run triggers the next, so the function can keep invoking itself "
            "without end",
        )
    ],
)


def test_cost_lambda_trigger_loop() -> None:
    check_case(RULE, CASE)


def test_consuming_a_queue_is_not_a_loop() -> None:
    """A worker holds read-write access to the queue it polls (receive and delete): that produces nothing."""
    consumer = with_(
        svc("sqs_queue", "region", "jobs"),
        svc("lambda_function", "region", "worker"),
        connect("jobs", "worker", ConnectionKind.POLL),
        connect("worker", "jobs", ConnectionKind.READ_WRITE),
    )
    assert validate(consumer(), [RULE]).findings == []
    producer = with_(
        svc("sqs_queue", "region", "jobs"),
        svc("lambda_function", "region", "worker"),
        connect("jobs", "worker", ConnectionKind.POLL),
        connect("worker", "jobs", ConnectionKind.WRITE),
    )
    assert [f.node_ids for f in validate(producer(), [RULE]).findings] == [("worker", "jobs")]
