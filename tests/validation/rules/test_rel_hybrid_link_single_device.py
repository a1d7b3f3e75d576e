"""REL-065 (Hybrid link through a single customer gateway): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_hybrid_link_single_device import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _office(devices: int) -> Build:
    return with_(
        svc("vpn_gateway", "vpc", "vgw"),
        *[
            svc("customer_gateway", "region", f"router{n}", ip_address=f"203.0.113.{n + 1}")
            for n in range(devices)
        ],
        *[svc("vpn_connection", "region", f"tunnel{n}") for n in range(devices)],
    )


CASE = Case(
    ok=_office(devices=2),
    bad=_office(devices=1),
    expected=[
        (
            ("router0",),
            "Every VPN connection ends on one device, “Router0”: if it fails, the VPCs lose the data center",
        )
    ],
)


def test_rel_hybrid_link_single_device() -> None:
    check_case(RULE, CASE)
