"""PERF-016 (CloudFront in front of an edge-optimized API): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.perf_edge_api_behind_cloudfront import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_CDN = svc("cloudfront_distribution", None, "cdn")

CASE = Case(
    ok=with_(
        _CDN,
        svc("api_gateway_rest", "region", "api", endpoint_type="REGIONAL"),
        connect("cdn", "api", ConnectionKind.ORIGIN),
    ),
    bad=with_(
        _CDN,
        svc("api_gateway_rest", "region", "api", endpoint_type="EDGE"),
        connect("cdn", "api", ConnectionKind.ORIGIN),
    ),
    expected=[
        (
            ("cdn", "api"),
            "“Cdn” forwards to “Api”, an edge-optimized API: requests cross two CloudFront edges",
        ),
    ],
)


def test_perf_edge_api_behind_cloudfront() -> None:
    check_case(RULE, CASE)
