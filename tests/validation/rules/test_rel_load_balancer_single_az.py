"""REL-005 (Load balancer in a single AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_load_balancer_single_az import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("alb", "public-a", "alb", ["public-b"])),
    bad=with_(svc("alb", "public-a", "alb")),
    expected=[(("alb",), "“Alb” has subnets in one availability zone only")],
)


def test_rel_load_balancer_single_az() -> None:
    check_case(RULE, CASE)
