"""REL-044 (Failover alias ignores load balancer health): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_alias_ignores_lb_health import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _zone(evaluate: bool) -> Build:
    return with_(
        svc("route53_zone", None, "dns", routing_policy="failover", evaluate_target_health=evaluate),
        svc("alb", "public-a", "primary", ["public-b"]),
        svc("alb", "public-b", "secondary", ["public-a"]),
        connect("dns", "primary", ConnectionKind.DNS),
        connect("dns", "secondary", ConnectionKind.DNS),
    )


CASE = Case(
    ok=_zone(True),
    bad=_zone(False),
    expected=[
        (
            ("dns", "primary", "secondary"),
            "“Dns” fails over between load balancers (“Primary”, “Secondary”) with Evaluate Target Health off, so "
            "Route 53 keeps answering with a balancer whose targets are all down",
        )
    ],
)


def test_rel_alias_ignores_lb_health() -> None:
    check_case(RULE, CASE)
