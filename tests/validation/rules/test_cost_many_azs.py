"""COST-006 (Replicated across four or more AZs): the ok and the bad fixture, with the exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation.rules.cost_many_azs import RULE
from tests.validation.builders import (
    Case,
    check_case,
    svc,
    with_,
)


def _four_az_alb() -> Architecture:
    arch = Architecture()
    arch.add_node(RegionNode(id="r", label="Region"))
    arch.add_node(VpcNode(id="v", label="V", parent_id="r"))
    arch.add_service("internet_gateway", "v", node_id="igw")
    for index, letter in enumerate("abcd"):
        arch.add_node(
            AvailabilityZoneNode(id=f"az-{letter}", label=letter, parent_id="v", zone=f"us-east-1{letter}")
        )
        arch.add_node(
            SubnetNode(
                id=f"s-{letter}",
                label=letter,
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index}.0/24",
                tier="public",
            )
        )
    arch.add_service("alb", "s-a", label="Alb", node_id="alb", extra_subnet_ids=["s-b", "s-c", "s-d"])
    return arch


CASE = Case(
    ok=with_(svc("alb", "public-a", "alb", ["public-b"])),
    bad=lambda: _four_az_alb(),
    expected=[(("alb",), "“Alb” spans 4 availability zones")],
)


def test_cost_many_azs() -> None:
    check_case(RULE, CASE)
