"""SEC-005 (No encryption at rest): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_storage_unencrypted import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "bucket")),
    bad=with_(svc("s3_bucket", "region", "bucket", encrypted=False)),
    expected=[(("bucket",), "“Bucket” stores data without encryption at rest")],
)


def test_sec_storage_unencrypted() -> None:
    check_case(RULE, CASE)
