"""SEC-043 (CloudFront bucket origin open to the public): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sec_cloudfront_bucket_public import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _site(public: bool) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn"),
        svc("s3_bucket", "region", "site", public_access=public),
        connect("cdn", "site", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_site(False),
    bad=_site(True),
    expected=[
        (
            ("cdn", "site"),
            "“Site” is served through “Cdn” but is open to the public too, so its objects can be fetched around "
            "the distribution",
        )
    ],
)


def test_sec_cloudfront_bucket_public() -> None:
    check_case(RULE, CASE)
