"""SEC-009 (Public web entry point without WAF): the ok and the bad fixture, with the exact findings.

A load balancer that is a CloudFront distribution's origin is protected by the distribution's web ACL.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.sec_cloudfront_without_waf import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _entry_points(public_alb: bool) -> Build:
    return with_(
        svc("alb", "public-a", "alb", ["public-b"], internet_facing=public_alb),
        svc("cloudfront_distribution", None, "cdn"),
        svc("waf_web_acl", "region", "acl", scope="CLOUDFRONT"),
        svc("alb", "public-a", "origin", ["public-b"], internet_facing=True),
        connect("acl", "cdn", ConnectionKind.ATTACH),
        connect("cdn", "origin", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_entry_points(public_alb=False),
    bad=_entry_points(public_alb=True),
    expected=[(("alb",), "“Alb” takes internet traffic with no WAF web ACL attached")],
)


def test_sec_cloudfront_without_waf() -> None:
    check_case(RULE, CASE)
