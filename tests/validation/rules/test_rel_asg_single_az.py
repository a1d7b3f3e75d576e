"""REL-004 (Scaling group in a single AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_asg_single_az import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("autoscaling_group", "private-a", "asg", ["private-b"])),
    bad=with_(svc("autoscaling_group", "private-a", "asg")),
    expected=[(("asg",), "“Asg” runs in one availability zone only")],
)


def test_rel_asg_single_az() -> None:
    check_case(RULE, CASE)
