"""LIM-076 (Private API as a CloudFront origin): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_private_api_behind_cloudfront import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _api(kind: str) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn"),
        svc("api_gateway_rest", "region", "api", endpoint_type=kind),
        connect("cdn", "api", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_api("REGIONAL"),
    bad=_api("PRIVATE"),
    expected=[
        (
            ("cdn", "api"),
            "“Cdn” uses “Api” as its origin, but a private API answers only through interface endpoints in VPCs",
        )
    ],
)


def test_lim_private_api_behind_cloudfront() -> None:
    check_case(RULE, CASE)
