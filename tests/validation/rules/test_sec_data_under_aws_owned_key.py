"""SEC-032 (Data encrypted under a key AWS controls): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_data_under_aws_owned_key import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _stores(own_key: bool) -> Build:
    return with_(
        svc("s3_bucket", "region", "bucket", encrypted=own_key),
        svc("dynamodb_table", "region", "table", encrypted=own_key),
        svc("ebs_volume", "private-a", "volume", encrypted=True),
    )


CASE = Case(
    ok=_stores(own_key=True),
    bad=_stores(own_key=False),
    expected=[
        (
            ("bucket",),
            "“Bucket” is encrypted at rest with S3-managed keys (SSE-S3), not a KMS key whose use you can control "
            "and audit",
        ),
        (
            ("table",),
            "“Table” is encrypted at rest with a key AWS owns, not a KMS key whose use you can control and audit",
        ),
    ],
)


def test_sec_data_under_aws_owned_key() -> None:
    check_case(RULE, CASE)
