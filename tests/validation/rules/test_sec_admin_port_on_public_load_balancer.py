"""SEC-031 (SSH or RDP through an internet-facing load balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_admin_port_on_public_load_balancer import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _balancers(port: int) -> Build:
    return with_(
        svc(
            "nlb",
            "public-a",
            "edge-lb",
            ["public-b"],
            internet_facing=True,
            listener_port=port,
            listener_protocol="TCP",
        ),
        svc(
            "nlb",
            "private-a",
            "inner-lb",
            ["private-b"],
            internet_facing=False,
            listener_port=22,
            listener_protocol="TCP",
        ),
    )


CASE = Case(
    ok=_balancers(443),
    bad=_balancers(22),
    expected=[(("edge-lb",), "“Edge-lb” forwards port 22 (SSH) from the internet to its targets")],
)


def test_sec_admin_port_on_public_load_balancer() -> None:
    check_case(RULE, CASE)
