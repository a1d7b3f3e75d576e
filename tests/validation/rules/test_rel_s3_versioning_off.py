"""REL-010 (S3 versioning off): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_s3_versioning_off import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "bucket")),
    bad=with_(svc("s3_bucket", "region", "bucket", versioning=False)),
    expected=[(("bucket",), "“Bucket” has versioning turned off")],
)


def test_rel_s3_versioning_off() -> None:
    check_case(RULE, CASE)
