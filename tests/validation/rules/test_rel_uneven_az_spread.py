"""REL-021 (Instances spread unevenly across AZs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.rel_uneven_az_spread import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc("ec2_instance", "private-a", "one"),
        svc("ec2_instance", "private-a", "two"),
        svc("ec2_instance", "private-b", "three"),
    ),
    bad=with_(
        svc("ec2_instance", "private-a", "one"),
        svc("ec2_instance", "private-a", "two"),
        svc("ec2_instance", "public-a", "three"),
        svc("ec2_instance", "private-b", "four"),
    ),
    expected=[
        (
            ("four", "one", "three", "two"),
            "Instances of VPC “Main” are spread unevenly over its AZs (us-east-1a: 3, us-east-1b: 1)",
        )
    ],
)


def test_rel_uneven_az_spread() -> None:
    check_case(RULE, CASE)


def test_all_instances_in_one_az_is_left_to_rel_006() -> None:
    arch = with_(svc("ec2_instance", "private-a", "one"), svc("ec2_instance", "private-a", "two"))()
    assert validate(arch, [RULE]).findings == []
