"""LIM-006 (More than 5 Elastic IPs in a region): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_too_many_elastic_ips import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    svc,
    with_,
)

CASE = Case(
    # A private NAT gateway holds no Elastic IP: five addresses and it stay within the quota.
    ok=with_(
        both(
            *[svc("elastic_ip", "region", f"ip{i}") for i in range(5)],
            svc("nat_gateway", "public-a", "transit", connectivity="private"),
        )
    ),
    bad=with_(
        both(
            *[svc("elastic_ip", "region", f"ip{i}") for i in range(5)],
            svc("nat_gateway", "public-a", "nat"),
        )
    ),
    expected=[
        (
            ("ip0", "ip1", "ip2", "ip3", "ip4", "nat"),
            "6 Elastic IPs (NAT gateways included) in us-east-1; the default quota is 5",
        )
    ],
)


def test_lim_too_many_elastic_ips() -> None:
    check_case(RULE, CASE)
