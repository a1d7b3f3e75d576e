"""PERF-017 (Latency routing to a single region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation.rules.perf_latency_routing_single_region import RULE
from tests.validation.builders import Case, both, check_case, connect, svc, with_


def _europe(arch: Architecture) -> None:
    arch.add_node(RegionNode(id="eu", label="Europe", region="eu-west-1", x=1300, width=600, height=500))
    arch.add_node(VpcNode(id="eu-vpc", label="EU", parent_id="eu", cidr="10.8.0.0/16"))
    for letter in "ab":
        arch.add_node(
            AvailabilityZoneNode(
                id=f"eu-{letter}", label=letter, parent_id="eu-vpc", zone=f"eu-west-1{letter}"
            )
        )
        arch.add_node(
            SubnetNode(
                id=f"eu-public-{letter}",
                label=f"Public {letter}",
                parent_id=f"eu-{letter}",
                cidr=f"10.8.{1 if letter == 'a' else 2}.0/24",
                tier="public",
            )
        )


_US = both(
    svc("alb", "public-a", "us-lb", ["public-b"]), svc("route53_zone", None, "dns", routing_policy="latency")
)

CASE = Case(
    ok=with_(
        _US,
        _europe,
        svc("alb", "eu-public-a", "eu-lb", ["eu-public-b"]),
        connect("dns", "us-lb", ConnectionKind.DNS),
        connect("dns", "eu-lb", ConnectionKind.DNS),
    ),
    bad=with_(_US, connect("dns", "us-lb", ConnectionKind.DNS)),
    expected=[
        (
            ("dns",),
            "“Dns” routes by latency but all its targets run in us-east-1: there is no nearer region to choose",
        )
    ],
)


def test_perf_latency_routing_single_region() -> None:
    check_case(RULE, CASE)
