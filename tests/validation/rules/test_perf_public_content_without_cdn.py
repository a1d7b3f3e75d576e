"""PERF-002 (Website bucket without CloudFront): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_public_content_without_cdn import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("s3_bucket", "region", "site", website=True),
            svc("cloudfront_distribution", None, "cdn"),
            connect("cdn", "site", ConnectionKind.ORIGIN),
        )
    ),
    bad=with_(svc("s3_bucket", "region", "site", website=True)),
    expected=[(("site",), "“Site” hosts a website without CloudFront in front")],
)


def test_perf_public_content_without_cdn() -> None:
    check_case(RULE, CASE)
