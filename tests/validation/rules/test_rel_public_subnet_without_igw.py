"""REL-014 (Public subnet without internet gateway): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_public_subnet_without_igw import RULE
from tests.validation.builders import (
    Build,
    Case,
    check_case,
    svc,
    with_,
)


def _public_subnet_users(igw: bool) -> Build:
    return with_(svc("nat_gateway", "public-a", "nat"), igw=igw)


CASE = Case(
    ok=_public_subnet_users(igw=True),
    bad=_public_subnet_users(igw=False),
    expected=[(("nat",), "VPC “Main” has public subnets (Public a, Public b) but no internet gateway")],
)


def test_rel_public_subnet_without_igw() -> None:
    check_case(RULE, CASE)
