"""LIM-037 (WAF attached to a resource it cannot protect): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_waf_unsupported_target import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _protected(type_id: str) -> Build:
    return with_(
        svc("waf_web_acl", "region", "acl"),
        svc(type_id, "public-a", "front", ["public-b"], internet_facing=True),
        connect("acl", "front", ConnectionKind.ATTACH),
    )


CASE = Case(
    ok=_protected("alb"),
    bad=_protected("nlb"),
    expected=[
        (
            ("acl", "front"),
            "Web ACL “Acl” is attached to “Front”, but WAF protects only CloudFront, Application Load Balancers and "
            "API Gateway REST APIs",
        )
    ],
)


def test_lim_waf_unsupported_target() -> None:
    check_case(RULE, CASE)
