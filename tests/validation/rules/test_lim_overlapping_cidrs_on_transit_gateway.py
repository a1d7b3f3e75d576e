"""LIM-071 (Overlapping VPCs behind a transit gateway): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, VpcNode
from archbuilder.validation.rules.lim_overlapping_cidrs_on_transit_gateway import RULE
from tests.validation.builders import Build, Case, check_case, net


def _hub(second_cidr: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_node(VpcNode(id="shared", label="Shared", parent_id="region", cidr=second_cidr))
        arch.add_service("transit_gateway", "region", label="Hub", node_id="hub")
        return arch

    return make


CASE = Case(
    ok=_hub("10.1.0.0/16"),
    bad=_hub("10.0.128.0/17"),
    expected=[
        (
            ("hub", "shared", "vpc"),
            "VPCs “Shared” (10.0.128.0/17) and “Main” (10.0.0.0/16) overlap, so “Hub” cannot route between them",
        )
    ],
)


def test_lim_overlapping_cidrs_on_transit_gateway() -> None:
    check_case(RULE, CASE)
