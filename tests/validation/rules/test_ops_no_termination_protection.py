"""OPS-002 (No termination protection): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_no_termination_protection import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)

CASE = Case(
    ok=with_(svc("ec2_instance", "private-a", "box", termination_protection=True)),
    bad=with_(svc("ec2_instance", "private-a", "box")),
    expected=[(("box",), "“Box” can be terminated by mistake")],
)


def test_ops_no_termination_protection() -> None:
    check_case(RULE, CASE)
