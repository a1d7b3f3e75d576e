"""SEC-033 (CloudFront origin open around the distribution): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_origin_open_around_cloudfront import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _origin(internet_facing: bool) -> Build:
    return with_(
        svc("cloudfront_distribution", None, "cdn"),
        svc("alb", "public-a", "web", ["public-b"], internet_facing=internet_facing),
        connect("cdn", "web", ConnectionKind.ORIGIN),
    )


CASE = Case(
    ok=_origin(internet_facing=False),
    bad=_origin(internet_facing=True),
    expected=[
        (
            ("web", "cdn"),
            "“Web” is the origin of “Cdn” but takes requests from the whole internet too, around the "
            "distribution's cache and web ACL",
        )
    ],
)


def test_sec_origin_open_around_cloudfront() -> None:
    check_case(RULE, CASE)


def test_a_listener_restricted_by_its_ingress_rules_is_not_reported() -> None:
    arch = _origin(internet_facing=True)()
    arch.set_property(
        "web", "ingress", [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "10.0.0.0/8"}]
    )
    assert validate(arch, [RULE]).findings == []
