"""PERF-007 (CloudFront caches nothing by default): ok and bad fixtures, exact findings.

A TTL of 0 in front of a dynamic origin (here a load balancer) is right and raises nothing.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_cloudfront_no_caching import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _distributions(static_ttl: int) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn", default_ttl_seconds=static_ttl),
        svc("s3_bucket", "region", "assets"),
        svc("cloudfront_distribution", None, "app-cdn", default_ttl_seconds=0),
        svc("alb", "public-a", "web", ["public-b"], internet_facing=True),
        connect("cdn", "assets", ConnectionKind.ORIGIN),
        connect("app-cdn", "web", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_distributions(static_ttl=86400),
    bad=_distributions(static_ttl=0),
    expected=[(("cdn",), "“Cdn” serves static content from S3 with a default cache lifetime of 0 seconds")],
)


def test_perf_cloudfront_no_caching() -> None:
    check_case(RULE, CASE)
