"""SEC-023 (VPC without private subnets): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation.rules.sec_vpc_without_private_subnets import RULE
from tests.validation.builders import Build, Case, check_case


def _vpc_with(tiers: tuple[str, ...]) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="r", label="Region"))
        arch.add_node(VpcNode(id="v", label="Shop", parent_id="r"))
        arch.add_node(AvailabilityZoneNode(id="a", label="A", parent_id="v", zone="us-east-1a"))
        for index, tier in enumerate(tiers):
            arch.add_node(
                SubnetNode(
                    id=f"s{index}", label=f"S{index}", parent_id="a", cidr=f"10.0.{index}.0/24", tier=tier
                )
            )
        arch.add_service("ec2_instance", "s0", label="Web", node_id="web")
        return arch

    return make


CASE = Case(
    ok=_vpc_with(("public", "private")),
    bad=_vpc_with(("public", "public")),
    expected=[(("web",), "VPC “Shop” has only public subnets: every resource in it is exposed")],
)


def test_sec_vpc_without_private_subnets() -> None:
    check_case(RULE, CASE)
