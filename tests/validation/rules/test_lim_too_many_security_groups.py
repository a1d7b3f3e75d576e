"""LIM-016 (More than five security groups on an instance): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_too_many_security_groups import RULE
from tests.validation.builders import Build, Case, Step, check_case, connect, svc, with_


def _instance_with_groups(count: int) -> Build:
    steps: list[Step] = [svc("ec2_instance", "private-a", "box")]
    for index in range(count):
        steps += [
            svc("security_group", "vpc", f"sg{index}"),
            connect(f"sg{index}", "box", ConnectionKind.ATTACH),
        ]
    return with_(*steps)


CASE = Case(
    ok=_instance_with_groups(5),
    bad=_instance_with_groups(6),
    expected=[
        (
            ("box", "sg0", "sg1", "sg2", "sg3", "sg4", "sg5"),
            "“Box” has 6 security groups attached; an instance takes at most 5",
        )
    ],
)


def test_lim_too_many_security_groups() -> None:
    check_case(RULE, CASE)
