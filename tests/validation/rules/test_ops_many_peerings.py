"""OPS-016 (Peering mesh instead of a transit gateway): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, VpcNode
from archbuilder.validation import validate
from archbuilder.validation.rules.ops_many_peerings import RULE
from tests.validation.builders import Case, Step, check_case, svc, with_


def _vpcs(arch: Architecture) -> None:
    for index, name in enumerate(("data", "tools", "shared"), start=1):
        arch.add_node(
            VpcNode(id=name, label=name.capitalize(), parent_id="region", cidr=f"10.{index}.0.0/16")
        )


def _peer(node_id: str, vpc: str, peer: str) -> Step:
    return svc("vpc_peering", vpc, node_id, peer_vpc=peer)


# A star of three peerings around "Main" joins four VPCs with fewer connections than VPCs.
_STAR = (_vpcs, _peer("p1", "vpc", "data"), _peer("p2", "vpc", "tools"), _peer("p3", "vpc", "shared"))

CASE = Case(
    ok=with_(*_STAR),
    bad=with_(*_STAR, _peer("p4", "data", "Tools")),
    expected=[
        (
            ("p1", "p2", "p3", "p4"),
            "4 VPCs are joined by 4 peering connections; a transit gateway would connect each VPC once",
        )
    ],
)


def test_ops_many_peerings() -> None:
    check_case(RULE, CASE)


def test_a_transit_gateway_already_in_the_design_silences_the_rule() -> None:
    arch = with_(*_STAR, _peer("p4", "data", "tools"), svc("transit_gateway", "region", "hub"))()
    assert validate(arch, [RULE]).findings == []
