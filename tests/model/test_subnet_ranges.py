"""Subnet overlaps are found through each VPC's sorted address ranges: the same refusals as comparing every
sibling, kept right through removals, moves and address changes, and loading n subnets compares no pairs."""

from __future__ import annotations

import ipaddress

import pytest

from archbuilder.model import (
    Architecture,
    AvailabilityZoneNode,
    InvariantError,
    RegionNode,
    SubnetNode,
    VpcNode,
    containment,
    dumps,
    loads,
)
from tests.model.builders import two_az_network


def _subnet(id_: str, cidr: str, parent: str = "az-a") -> SubnetNode:
    return SubnetNode(id=id_, label=id_, parent_id=parent, cidr=cidr)


@pytest.mark.parametrize(
    ("cidr", "overlapped"),
    [
        ("10.0.0.128/25", ("Public a", "10.0.0.0/24")),  # inside the range that starts before it
        ("10.0.2.0/23", ("Public b", "10.0.2.0/24")),  # covers the range that starts with it
        ("10.0.0.0/22", ("Public a", "10.0.0.0/24")),  # covers several; the first is named
        ("10.0.3.255/32", ("Private b", "10.0.3.0/24")),  # the last address of the last range
    ],
)
def test_an_overlapping_subnet_is_refused_naming_the_subnet_it_meets(
    cidr: str, overlapped: tuple[str, str]
) -> None:
    arch = two_az_network()
    with pytest.raises(InvariantError) as caught:
        arch.add_node(_subnet("new", cidr))
    label, range_ = overlapped
    assert str(caught.value) == f"subnet 'new' ({cidr}) overlaps subnet '{label}' ({range_})"
    assert "new" not in arch.nodes


def test_neighbouring_ranges_do_not_overlap() -> None:
    arch = two_az_network()
    for cidr in ("10.0.4.0/24", "10.0.5.0/25", "10.0.5.128/25", "9.255.255.0/24"):
        if cidr.startswith("9."):
            with pytest.raises(InvariantError, match=r"is outside VPC 'Main' \(10\.0\.0\.0/16\)"):
                arch.add_node(_subnet("outside", cidr))
        else:
            arch.add_node(_subnet(f"s-{cidr.replace('.', '-').replace('/', '-')}", cidr))
    assert sorted(n.cidr for n in arch.nodes.values() if isinstance(n, SubnetNode)) == [
        "10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24", "10.0.4.0/24", "10.0.5.0/25", "10.0.5.128/25",
    ]  # fmt: skip


def test_ranges_follow_removal_moves_and_address_changes() -> None:
    arch = two_az_network()
    arch.remove_node("public-a")
    arch.add_node(_subnet("again", "10.0.0.0/24"))  # its range is free again
    arch.set_container_field("again", "cidr", "10.0.8.0/24")
    arch.add_node(_subnet("reuse", "10.0.0.0/25"))  # the old range is free after the change
    with pytest.raises(InvariantError, match=r"overlaps subnet 'again' \(10\.0\.8\.0/24\)"):
        arch.add_node(_subnet("clash", "10.0.8.0/26"))
    arch.add_node(VpcNode(id="other", label="Other", parent_id="region", cidr="10.0.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="az-o", label="AZ o", parent_id="other", zone="us-east-1a"))
    arch.reparent_node("again", "az-o", 0, 0)  # moved into another VPC: its range leaves Main
    arch.add_node(_subnet("after-move", "10.0.8.0/26"))
    with pytest.raises(InvariantError, match=r"overlaps subnet 'again' \(10\.0\.8\.0/24\)"):
        arch.add_node(_subnet("in-other", "10.0.8.64/26", parent="az-o"))


def many_subnets(count: int) -> Architecture:
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="R", region="us-east-1"))
    arch.add_node(VpcNode(id="vpc", label="V", parent_id="region", cidr="10.0.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="az", label="AZ", parent_id="vpc", zone="us-east-1a"))
    for k in range(count):
        block = k * 16
        arch.add_node(_subnet(f"s{k}", f"10.0.{block // 256}.{block % 256}/28", parent="az"))
    return arch


def test_loading_thousands_of_subnets_compares_no_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    text = dumps(many_subnets(3000))
    spans: list[str] = []
    real_span = containment._span
    monkeypatch.setattr(containment, "_span", lambda cidr: spans.append(cidr) or real_span(cidr))
    monkeypatch.setattr(ipaddress.IPv4Network, "overlaps", lambda *_: pytest.fail("pairwise comparison"))
    loaded = loads(text)
    assert len(loaded.nodes) == 3003
    # Each subnet's range is read to look it up and to insert it: two per subnet, none per pair.
    assert len(spans) == 2 * 3000
