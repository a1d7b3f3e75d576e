"""REL-028 (Scaling group with no room to grow): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_scaling_group_at_maximum import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc(
            "autoscaling_group", "private-a", "web", ["private-b"], min_size=2, desired_capacity=2, max_size=6
        )
    ),
    bad=with_(
        svc(
            "autoscaling_group", "private-a", "web", ["private-b"], min_size=2, desired_capacity=4, max_size=4
        )
    ),
    expected=[(("web",), "“Web” already runs 4 instances, its maximum")],
)


def test_rel_scaling_group_at_maximum() -> None:
    check_case(RULE, CASE)
