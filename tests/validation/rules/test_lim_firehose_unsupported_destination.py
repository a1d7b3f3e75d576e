"""LIM-034 (Firehose delivering to an unsupported destination): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_firehose_unsupported_destination import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _delivery(type_id: str) -> Build:
    return with_(
        svc("firehose_stream", "region", "clicks"),
        svc(type_id, "region", "store"),
        svc("lambda_function", "region", "enrich"),
        connect("clicks", "store", ConnectionKind.WRITE),
        connect("clicks", "enrich", ConnectionKind.INVOKE),
    )


CASE = Case(
    ok=_delivery("s3_bucket"),
    bad=_delivery("dynamodb_table"),
    expected=[
        (
            ("clicks", "store"),
            "“Clicks” delivers to “Store”, but Firehose loads data only into S3, Redshift, OpenSearch and Splunk",
        )
    ],
)


def test_lim_firehose_unsupported_destination() -> None:
    check_case(RULE, CASE)
