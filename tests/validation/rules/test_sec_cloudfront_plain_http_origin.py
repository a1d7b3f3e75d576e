"""SEC-042 (CloudFront to origin over plain HTTP): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sec_cloudfront_plain_http_origin import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _origin(protocol: str) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn"),
        svc("alb", "public-a", "web", ["public-b"], listener_protocol=protocol, listener_port=443),
        connect("cdn", "web", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_origin("HTTPS"),
    bad=_origin("HTTP"),
    expected=[
        (
            ("cdn", "web"),
            "“Cdn” reaches “Web” over plain HTTP, so requests cross the internet unencrypted between the edge and "
            "the origin",
        )
    ],
)


def test_sec_cloudfront_plain_http_origin() -> None:
    check_case(RULE, CASE)
