"""LIM-014 (Peered VPCs with overlapping CIDRs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, VpcNode
from archbuilder.validation.rules.lim_peering_overlapping_cidrs import RULE
from tests.validation.builders import Build, Case, check_case, net


def _peered_with(cidr: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_node(VpcNode(id="shared", label="Shared", parent_id="region", cidr=cidr))
        arch.add_service(
            "vpc_peering", "vpc", label="Peering", node_id="peering", properties={"peer_vpc": "shared"}
        )
        return arch

    return make


CASE = Case(
    ok=_peered_with("10.1.0.0/16"),
    bad=_peered_with("10.0.128.0/17"),
    expected=[
        (
            ("peering", "vpc", "shared"),
            "“Peering” peers VPC “Main” (10.0.0.0/16) with VPC “Shared” (10.0.128.0/17), whose ranges overlap",
        )
    ],
)


def test_lim_peering_overlapping_cidrs() -> None:
    check_case(RULE, CASE)
