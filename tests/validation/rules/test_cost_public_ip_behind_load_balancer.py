"""COST-027 (Public addresses behind a load balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.cost_public_ip_behind_load_balancer import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _web(public: bool) -> Build:
    return with_(
        svc("alb", "public-a", "lb", ["public-b"], internet_facing=True),
        svc("ec2_instance", "public-a", "web", associate_public_ip=public),
        connect("lb", "web", ConnectionKind.TRAFFIC, 80),
    )


CASE = Case(
    ok=_web(False),
    bad=_web(True),
    expected=[(("web",), "“Web” is reached through a load balancer but pays for a public IPv4 address")],
)


def test_cost_public_ip_behind_load_balancer() -> None:
    check_case(RULE, CASE)
