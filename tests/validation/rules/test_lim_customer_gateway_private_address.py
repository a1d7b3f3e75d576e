"""LIM-043 (Customer gateway with a private address): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_customer_gateway_private_address import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _gateway(address: str) -> Build:
    return with_(svc("customer_gateway", "region", "office", ip_address=address))


CASE = Case(
    ok=_gateway("198.51.100.7"),
    bad=_gateway("192.168.1.1"),
    expected=[
        (
            ("office",),
            "“Office” has address 192.168.1.1, a private address; a customer gateway needs the internet-routable IP "
            "of the device's external interface",
        )
    ],
)


def test_lim_customer_gateway_private_address() -> None:
    check_case(RULE, CASE)
