"""REL-019 (Small VPC address space): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, RegionNode, VpcNode
from archbuilder.validation.rules.rel_small_vpc_address_space import RULE
from tests.validation.builders import Build, Case, check_case


def _vpc(cidr: str) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        arch.add_node(VpcNode(id="v", label="Shop", parent_id="r", cidr=cidr))
        return arch

    return make


CASE = Case(
    ok=_vpc("10.0.0.0/16"),
    bad=_vpc("10.0.0.0/24"),
    expected=[(("v",), "VPC “Shop” has CIDR 10.0.0.0/24 (256 addresses); a /16 leaves room to grow")],
)


def test_rel_small_vpc_address_space() -> None:
    check_case(RULE, CASE)
