"""LIM-002 (CIDR block size out of range): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, RegionNode, VpcNode
from archbuilder.validation.rules.lim_vpc_cidr_size import RULE
from tests.validation.builders import (
    Build,
    Case,
    check_case,
)


def _cidr_vpc(cidr: str) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        arch.add_node(VpcNode(id="v", label="Wide", parent_id="r", cidr=cidr))
        return arch

    return make


CASE = Case(
    ok=_cidr_vpc("10.0.0.0/16"),
    bad=_cidr_vpc("10.0.0.0/8"),
    expected=[(("v",), "VPC “Wide” has CIDR 10.0.0.0/8; AWS allows /16 to /28")],
)


def test_lim_vpc_cidr_size() -> None:
    check_case(RULE, CASE)
