"""LIM-003 (More than 5 VPCs in a region): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, RegionNode, VpcNode
from archbuilder.validation.rules.lim_too_many_vpcs import RULE
from tests.validation.builders import (
    Build,
    Case,
    check_case,
)


def _vpcs(count: int) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        for index in range(count):
            arch.add_node(
                VpcNode(id=f"v{index}", label=f"V{index}", parent_id="r", cidr=f"10.{index}.0.0/16")
            )
        return arch

    return make


CASE = Case(
    ok=_vpcs(5),
    bad=_vpcs(6),
    expected=[
        (
            ("v0", "v1", "v2", "v3", "v4", "v5"),
            "Region “Region” has 6 VPCs; the default quota is 5 per region",
        )
    ],
)


def test_lim_too_many_vpcs() -> None:
    check_case(RULE, CASE)
