"""LIM-015 (Private hosted zone without a VPC): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_private_zone_without_vpc import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("route53_zone", None, "internal", private_zone=True, associated_vpcs=["Main"])),
    bad=with_(svc("route53_zone", None, "internal", private_zone=True, associated_vpcs=[])),
    expected=[(("internal",), "“Internal” is private but associated with no VPC, so nothing can resolve it")],
)


def test_lim_private_zone_without_vpc() -> None:
    check_case(RULE, CASE)
