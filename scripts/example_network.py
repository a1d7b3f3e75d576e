"""The network every bundled example starts from: a region, a VPC, one AZ per letter and a subnet per tier."""

from __future__ import annotations

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode


def network(
    arch: Architecture,
    *,
    region: str = "us-east-1",
    cidr: str = "10.0.0.0/16",
    zones: str = "ab",
    tiers: tuple[tuple[str, str], ...] = (("public", "Public"), ("private", "App"), ("private", "Data")),
) -> None:
    """Region > VPC > one AZ per letter > the given subnet tiers, CIDRs 10.0.<az*10+tier>.0/24."""
    arch.add_node(RegionNode(id="region", label=_region_label(region), region=region))
    arch.add_node(VpcNode(id="vpc", label="Production VPC", parent_id="region", cidr=cidr))
    prefix = cidr.split(".")[0] + "." + cidr.split(".")[1]
    for az_index, letter in enumerate(zones):
        arch.add_node(
            AvailabilityZoneNode(
                id=f"az-{letter}", label=f"AZ {letter}", parent_id="vpc", zone=f"{region}{letter}"
            )
        )
        for tier_index, (tier, name) in enumerate(tiers):
            arch.add_node(
                SubnetNode(
                    id=f"{name.lower()}-{letter}",
                    label=f"{name} subnet {letter}",
                    parent_id=f"az-{letter}",
                    cidr=f"{prefix}.{az_index * 10 + tier_index}.0/24",
                    tier=tier,
                )
            )


def _region_label(region: str) -> str:
    return {"us-east-1": "US East (N. Virginia)", "eu-west-1": "Europe (Ireland)"}.get(region, region)
