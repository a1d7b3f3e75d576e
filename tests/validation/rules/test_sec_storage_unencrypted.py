"""SEC-005 (No encryption at rest): the ok and the bad fixture, with the exact findings.

S3 buckets and DynamoDB tables always encrypt at rest, so `encrypted: false` on them is no finding here (SEC-032
speaks of their key).
"""

from __future__ import annotations

from archbuilder.validation.rules.sec_storage_unencrypted import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _stores(volume_encrypted: bool) -> Build:
    return with_(
        svc("ebs_volume", "private-a", "volume", encrypted=volume_encrypted),
        svc("s3_bucket", "region", "bucket", encrypted=False),
        svc("dynamodb_table", "region", "table", encrypted=False),
    )


CASE = Case(
    ok=_stores(volume_encrypted=True),
    bad=_stores(volume_encrypted=False),
    expected=[(("volume",), "“Volume” stores data without encryption at rest")],
)


def test_sec_storage_unencrypted() -> None:
    check_case(RULE, CASE)
