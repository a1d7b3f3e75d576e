"""SEC-009 (Public web entry point without WAF): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_cloudfront_without_waf import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("alb", "public-a", "alb", ["public-b"], internet_facing=False)),
    bad=with_(svc("alb", "public-a", "alb", ["public-b"], internet_facing=True)),
    expected=[(("alb",), "“Alb” takes internet traffic with no WAF web ACL attached")],
)


def test_sec_cloudfront_without_waf() -> None:
    check_case(RULE, CASE)
