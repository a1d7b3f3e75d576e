"""LIM-006 (More than 5 Elastic IPs in a region): the ok and the bad fixture, with the exact findings.

A NAT gateway counts for the Elastic IP it holds: once, whether that address is drawn and attached to it or not; a
private NAT gateway holds none.
"""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_too_many_elastic_ips import RULE
from tests.validation.builders import Build, Case, both, check_case, connect, svc, with_


def _addresses(free: int) -> Build:
    """Three NAT gateways with their drawn Elastic IPs, a private NAT gateway, and `free` more addresses."""
    return with_(
        *[
            both(
                svc("nat_gateway", "public-a", f"nat{i}"),
                svc("elastic_ip", "region", f"nat-ip{i}"),
                connect(f"nat-ip{i}", f"nat{i}", ConnectionKind.ATTACH),
            )
            for i in range(3)
        ],
        svc("nat_gateway", "public-a", "transit", connectivity="private"),
        *[svc("elastic_ip", "region", f"ip{i}") for i in range(free)],
    )


CASE = Case(
    ok=_addresses(free=2),
    bad=_addresses(free=3),
    expected=[
        (
            ("ip0", "ip1", "ip2", "nat-ip0", "nat-ip1", "nat-ip2"),
            "6 Elastic IPs (NAT gateways included) in us-east-1; the default quota is 5",
        )
    ],
)


def test_lim_too_many_elastic_ips() -> None:
    check_case(RULE, CASE)


def test_a_nat_gateway_without_a_drawn_address_counts_for_its_own() -> None:
    check_case(
        RULE,
        Case(
            ok=with_(
                *[svc("elastic_ip", "region", f"ip{i}") for i in range(4)],
                svc("nat_gateway", "public-a", "nat"),
            ),
            bad=with_(
                *[svc("elastic_ip", "region", f"ip{i}") for i in range(5)],
                svc("nat_gateway", "public-a", "nat"),
            ),
            expected=[
                (
                    ("ip0", "ip1", "ip2", "ip3", "ip4", "nat"),
                    "6 Elastic IPs (NAT gateways included) in us-east-1; the default quota is 5",
                )
            ],
        ),
    )
