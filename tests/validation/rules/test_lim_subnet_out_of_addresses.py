"""LIM-030 (Subnet out of addresses): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture
from archbuilder.validation.rules.lim_subnet_out_of_addresses import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _small_subnet(arch: Architecture) -> None:
    arch.set_container_field("private-a", "cidr", "10.0.1.0/28")  # 16 addresses, 11 usable


def _fleet(max_size: int) -> Build:
    return with_(
        _small_subnet,
        svc(
            "autoscaling_group",
            "private-a",
            "workers",
            ["private-b"],
            min_size=2,
            max_size=max_size,
            desired_capacity=2,
        ),
        svc("ebs_volume", "private-a", "scratch"),
    )


CASE = Case(
    ok=_fleet(22),  # 11 instances in each subnet
    bad=_fleet(24),
    expected=[
        (
            ("private-a",),
            "Subnet “Private a” (10.0.1.0/28) has 11 usable addresses but the services placed in it need at least 12",
        )
    ],
)


def test_lim_subnet_out_of_addresses() -> None:
    check_case(RULE, CASE)
