"""PERF-007 (CloudFront caches nothing by default): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.perf_cloudfront_no_caching import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("cloudfront_distribution", None, "cdn", default_ttl_seconds=86400)),
    bad=with_(svc("cloudfront_distribution", None, "cdn", default_ttl_seconds=0)),
    expected=[(("cdn",), "“Cdn” has a default cache lifetime of 0 seconds")],
)


def test_perf_cloudfront_no_caching() -> None:
    check_case(RULE, CASE)
