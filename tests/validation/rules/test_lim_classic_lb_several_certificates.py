"""LIM-045 (Several certificates on a Classic Load Balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_classic_lb_several_certificates import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

_BALANCERS = (
    svc("acm_certificate", "region", "shop-cert", domain_name="shop.example.com"),
    svc("acm_certificate", "region", "blog-cert", domain_name="blog.example.com"),
    svc("clb", "public-a", "legacy-lb", ["public-b"], listener_protocol="HTTPS"),
    svc("alb", "public-a", "web-lb", ["public-b"]),
    connect("shop-cert", "legacy-lb", ConnectionKind.ATTACH),
    connect("shop-cert", "web-lb", ConnectionKind.ATTACH),
)

CASE = Case(
    ok=with_(*_BALANCERS, connect("blog-cert", "web-lb", ConnectionKind.ATTACH)),
    bad=with_(*_BALANCERS, connect("blog-cert", "legacy-lb", ConnectionKind.ATTACH)),
    expected=[
        (
            ("legacy-lb", "blog-cert", "shop-cert"),
            "“Legacy-lb” has 2 certificates (“Blog-cert”, “Shop-cert”), but a Classic Load Balancer has no SNI and "
            "serves only one",
        )
    ],
)


def test_lim_classic_lb_several_certificates() -> None:
    check_case(RULE, CASE)
