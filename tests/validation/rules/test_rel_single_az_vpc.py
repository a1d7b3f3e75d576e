"""REL-015 (Whole VPC in one AZ): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation.rules.rel_single_az_vpc import RULE
from tests.validation.builders import (
    Build,
    Case,
    check_case,
)


def _single_az_vpc(services: bool) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        arch.add_node(VpcNode(id="v", label="Solo", parent_id="r"))
        arch.add_node(AvailabilityZoneNode(id="a", label="A", parent_id="v", zone="us-east-1a"))
        arch.add_node(SubnetNode(id="s", label="S", parent_id="a", cidr="10.0.0.0/24"))
        if services:
            arch.add_service("ec2_instance", "s", label="Box", node_id="box")
        return arch

    return make


CASE = Case(
    ok=_single_az_vpc(services=False),
    bad=_single_az_vpc(services=True),
    expected=[(("box",), "VPC “Solo” uses one availability zone (us-east-1a)")],
)


def test_rel_single_az_vpc() -> None:
    check_case(RULE, CASE)
