"""LIM-005 (Bucket name not DNS compliant): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_bucket_name_not_dns import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("s3_bucket", "region", "bucket", bucket_name="acme-assets")),
    bad=with_(svc("s3_bucket", "region", "bucket", bucket_name="Acme.Assets")),
    expected=[(("bucket",), "“Bucket” has bucket name 'Acme.Assets', which is not DNS compliant")],
)


def test_lim_bucket_name_not_dns() -> None:
    check_case(RULE, CASE)
