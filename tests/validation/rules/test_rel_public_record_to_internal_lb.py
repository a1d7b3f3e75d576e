"""REL-032 (Public DNS name for an internal load balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_public_record_to_internal_lb import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _zone_to_alb(internet_facing: bool) -> Build:
    subnets = ("public-a", ["public-b"]) if internet_facing else ("private-a", ["private-b"])
    return with_(
        svc("alb", subnets[0], "alb", subnets[1], internet_facing=internet_facing),
        svc("route53_zone", None, "shop"),
        connect("shop", "alb", ConnectionKind.DNS),
    )


CASE = Case(
    ok=_zone_to_alb(True),
    bad=_zone_to_alb(False),
    expected=[
        (
            ("shop", "alb"),
            "Public zone “Shop” points to “Alb”, an internal load balancer whose private addresses the internet "
            "cannot reach",
        )
    ],
)


def test_rel_public_record_to_internal_lb() -> None:
    check_case(RULE, CASE)
