"""LIM-054 (Static VPN without routes): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_static_vpn_without_routes import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("vpn_connection", "region", "office", static_routes_only=True, static_routes=["192.168.0.0/16"])
    ),
    bad=with_(svc("vpn_connection", "region", "office", static_routes_only=True, static_routes=[])),
    expected=[(("office",), "“Office” uses static routing but names no on-premises route")],
)


def test_lim_static_vpn_without_routes() -> None:
    check_case(RULE, CASE)
