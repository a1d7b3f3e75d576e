"""LIM-020 (VPN connection without its gateways): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_vpn_without_gateways import RULE
from tests.validation.builders import Case, check_case, connect, svc, with_

CASE = Case(
    ok=with_(
        svc("vpn_connection", "region", "vpn"),
        svc("customer_gateway", "region", "office"),
        svc("vpn_gateway", "vpc", "vgw"),
        connect("vpn", "office", ConnectionKind.ATTACH),
        connect("vpn", "vgw", ConnectionKind.ATTACH),
    ),
    bad=with_(svc("vpn_connection", "region", "vpn")),
    expected=[(("vpn",), "“Vpn” has no customer gateway and no virtual private gateway or transit gateway")],
)


def test_lim_vpn_without_gateways() -> None:
    check_case(RULE, CASE)
