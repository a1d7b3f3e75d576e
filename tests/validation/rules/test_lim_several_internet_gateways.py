"""LIM-011 (More than one internet gateway in a VPC): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_several_internet_gateways import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(),
    bad=with_(svc("internet_gateway", "vpc", "second")),
    expected=[(("igw", "second"), "VPC “Main” has 2 internet gateways; a VPC takes one")],
)


def test_lim_several_internet_gateways() -> None:
    check_case(RULE, CASE)
