"""REL-006 (Application tier in a single AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.rel_compute_tier_single_az import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(both(svc("ec2_instance", "private-a", "one"), svc("ec2_instance", "private-b", "two"))),
    bad=with_(both(svc("ec2_instance", "private-a", "one"), svc("ec2_instance", "private-a", "two"))),
    expected=[(("one", "two"), "Every application server in VPC “Main” is in us-east-1a")],
)


def test_rel_compute_tier_single_az() -> None:
    check_case(RULE, CASE)
