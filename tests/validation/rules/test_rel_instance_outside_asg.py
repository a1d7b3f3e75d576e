"""REL-008 (Instance outside an Auto Scaling group): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_instance_outside_asg import RULE
from tests.validation.builders import (
    Case,
    both,
    check_case,
    connect,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("ec2_instance", "private-a", "batch")),
    bad=with_(
        both(
            svc("alb", "public-a", "alb", ["public-b"]),
            svc("ec2_instance", "private-a", "app"),
            connect("alb", "app", ConnectionKind.TRAFFIC, 80),
        )
    ),
    expected=[(("app",), "“App” serves traffic but is not replaced automatically if it fails")],
)


def test_rel_instance_outside_asg() -> None:
    check_case(RULE, CASE)
