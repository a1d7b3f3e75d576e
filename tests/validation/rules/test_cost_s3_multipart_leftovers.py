"""COST-007 (Incomplete uploads never cleaned up): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_s3_multipart_leftovers import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "bucket")),
    bad=with_(svc("s3_bucket", "region", "bucket", abort_incomplete_multipart_days=None)),
    expected=[(("bucket",), "“Bucket” keeps incomplete multipart uploads (and pays for them) forever")],
)


def test_cost_s3_multipart_leftovers() -> None:
    check_case(RULE, CASE)
