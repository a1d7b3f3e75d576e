"""SUS-002 (Scaling group of fixed size): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sus_fixed_size_scaling_group import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("autoscaling_group", "private-a", "web", ["private-b"], min_size=2, max_size=6)),
    bad=with_(svc("autoscaling_group", "private-a", "web", ["private-b"], min_size=3, max_size=3)),
    expected=[(("web",), "“Web” always runs 3 instances: its minimum equals its maximum")],
)


def test_sus_fixed_size_scaling_group() -> None:
    check_case(RULE, CASE)
