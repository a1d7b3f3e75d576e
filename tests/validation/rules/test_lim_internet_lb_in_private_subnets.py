"""LIM-004 (Internet-facing load balancer in private subnets): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_internet_lb_in_private_subnets import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("alb", "public-a", "alb", ["public-b"], internet_facing=True)),
    bad=with_(svc("alb", "private-a", "alb", ["private-b"], internet_facing=True)),
    expected=[(("alb",), "“Alb” is internet facing but sits only in private subnets")],
)


def test_lim_internet_lb_in_private_subnets() -> None:
    check_case(RULE, CASE)
