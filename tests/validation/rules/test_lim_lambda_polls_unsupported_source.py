"""LIM-025 (Lambda polls a service that is not a queue or stream): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_lambda_polls_unsupported_source import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _source(type_id: str) -> Build:
    return with_(
        svc(type_id, "region", "uploads"),
        svc("lambda_function", "region", "resize"),
        connect("uploads", "resize", ConnectionKind.POLL),
    )


CASE = Case(
    ok=_source("sqs_queue"),
    bad=_source("s3_bucket"),
    expected=[
        (
            ("resize", "uploads"),
            "“Resize” polls “Uploads”, but Lambda event source mappings read only SQS queues, Kinesis streams and "
            "DynamoDB streams",
        )
    ],
)


def test_lim_lambda_polls_unsupported_source() -> None:
    check_case(RULE, CASE)
