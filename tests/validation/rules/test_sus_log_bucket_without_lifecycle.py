"""SUS-005 (Log bucket without a lifecycle rule): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sus_log_bucket_without_lifecycle import RULE
from tests.validation.builders import Case, both, check_case, connect, svc, with_

_SOURCES = both(
    svc("cloudfront_distribution", None, "cdn"),
    svc("cloudtrail", "region", "trail"),
    connect("cdn", "logs", ConnectionKind.LOGS),
    connect("trail", "logs", ConnectionKind.WRITE),
)

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "logs", lifecycle_to_glacier_days=30), _SOURCES),
    bad=with_(svc("s3_bucket", "region", "logs"), _SOURCES),
    expected=[
        (
            ("logs",),
            "“Logs” collects logs from “Cdn”, “Trail” but no lifecycle rule expires or archives them",
        ),
    ],
)


def test_sus_log_bucket_without_lifecycle() -> None:
    check_case(RULE, CASE)


def test_a_bucket_holding_application_data_is_not_a_log_bucket() -> None:
    arch = with_(
        svc("s3_bucket", "region", "data"),
        svc("lambda_function", "region", "fn"),
        connect("fn", "data", ConnectionKind.WRITE),
    )()
    assert validate(arch, [RULE]).findings == []
