"""OPS-009 (Classic Load Balancer): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_classic_load_balancer import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("alb", "public-a", "lb", ["public-b"])),
    bad=with_(svc("clb", "public-a", "lb", ["public-b"])),
    expected=[(("lb",), "“Lb” is a Classic Load Balancer, the legacy generation")],
)


def test_ops_classic_load_balancer() -> None:
    check_case(RULE, CASE)
