"""A small two-AZ network used by the model tests."""

from __future__ import annotations

from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    RegionNode,
    SubnetNode,
    VpcNode,
)


def two_az_network() -> Architecture:
    """us-east-1 > vpc 10.0.0.0/16 > az-a, az-b > public/private subnet in each."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1", width=1200, height=900))
    arch.add_node(VpcNode(id="vpc", label="Main", parent_id="region", cidr="10.0.0.0/16", width=1100))
    for index, letter in enumerate("ab"):
        arch.add_node(
            AvailabilityZoneNode(
                id=f"az-{letter}", label=f"AZ {letter}", parent_id="vpc", zone=f"us-east-1{letter}"
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"public-{letter}",
                label=f"Public {letter}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index * 2}.0/24",
                tier="public",
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"private-{letter}",
                label=f"Private {letter}",
                parent_id=f"az-{letter}",
                cidr=f"10.0.{index * 2 + 1}.0/24",
                tier="private",
            )
        )
    return arch
