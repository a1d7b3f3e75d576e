"""LIM-059 (Web ACL scope does not fit its resource): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_waf_scope_mismatch import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _acls(edge_scope: str) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn"),
        svc("alb", "public-a", "web", ["public-b"]),
        svc("waf_web_acl", "region", "edge", scope=edge_scope),
        svc("waf_web_acl", "region", "origin", scope="REGIONAL"),
        connect("edge", "cdn", ConnectionKind.ATTACH),
        connect("origin", "web", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_acls("CLOUDFRONT"),
    bad=_acls("REGIONAL"),
    expected=[
        (("edge", "cdn"), "“Edge” has REGIONAL scope but protects “Cdn”, which takes a CLOUDFRONT web ACL")
    ],
)


def test_lim_waf_scope_mismatch() -> None:
    check_case(RULE, CASE)
