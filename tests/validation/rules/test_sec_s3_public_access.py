"""SEC-006 (S3 bucket open to the public): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_s3_public_access import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "bucket")),
    bad=with_(svc("s3_bucket", "region", "bucket", public_access=True)),
    expected=[(("bucket",), "“Bucket” allows public access")],
)


def test_sec_s3_public_access() -> None:
    check_case(RULE, CASE)
