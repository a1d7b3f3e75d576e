"""REL-007 (NAT gateway shared across AZs): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_nat_shared_across_azs import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(
        both(
            svc("nat_gateway", "public-a", "nat-a"),
            svc("nat_gateway", "public-b", "nat-b"),
            svc("ec2_instance", "private-a", "one"),
            svc("ec2_instance", "private-b", "two"),
        )
    ),
    bad=with_(
        both(
            svc("nat_gateway", "public-a", "nat-a"),
            svc("ec2_instance", "private-a", "one"),
            svc("ec2_instance", "private-b", "two"),
        )
    ),
    expected=[
        (
            ("nat-a",),
            "Private subnets Private b (us-east-1b) reach the internet through a NAT gateway in another AZ (us-east-1a)",
        )
    ],
)


def test_rel_nat_shared_across_azs() -> None:
    check_case(RULE, CASE)
