"""COST-008 (NAT gateway with nothing behind it): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.cost_idle_nat_gateway import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("nat_gateway", "public-a", "nat"), svc("ec2_instance", "private-a", "app")),
    bad=with_(svc("nat_gateway", "public-a", "nat"), svc("ec2_instance", "public-a", "web")),
    expected=[(("nat",), "“Nat” is billed by the hour but no private subnet of VPC “Main” uses it")],
)


def test_cost_idle_nat_gateway() -> None:
    check_case(RULE, CASE)
