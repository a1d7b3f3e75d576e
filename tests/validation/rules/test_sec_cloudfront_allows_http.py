"""SEC-022 (CloudFront accepts plain HTTP): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_cloudfront_allows_http import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("cloudfront_distribution", None, "cdn", viewer_protocol_policy="redirect-to-https")),
    bad=with_(svc("cloudfront_distribution", None, "cdn", viewer_protocol_policy="allow-all")),
    expected=[(("cdn",), "“Cdn” serves viewers over plain HTTP")],
)


def test_sec_cloudfront_allows_http() -> None:
    check_case(RULE, CASE)
