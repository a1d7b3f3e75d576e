"""COST-010 (Traffic between VPCs): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode, VpcNode
from archbuilder.validation.rules.cost_traffic_between_vpcs import RULE
from tests.validation.builders import Build, Case, check_case, net


def _app_to_cache(cache_vpc: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_node(VpcNode(id="shared", label="Shared", parent_id="region", cidr="10.1.0.0/16"))
        arch.add_node(AvailabilityZoneNode(id="shared-a", label="A", parent_id="shared", zone="us-east-1a"))
        arch.add_node(SubnetNode(id="shared-sub", label="S", parent_id="shared-a", cidr="10.1.0.0/24"))
        arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
        parent = "shared-sub" if cache_vpc == "shared" else "private-a"
        arch.add_service("elasticache_cluster", parent, label="Cache", node_id="cache")
        arch.connect("app", "cache", ConnectionKind.TRAFFIC, port=6379)
        return arch

    return make


CASE = Case(
    ok=_app_to_cache("vpc"),
    bad=_app_to_cache("shared"),
    expected=[
        (
            ("app", "cache"),
            "“App” (VPC “Main”) → “Cache” (VPC “Shared”): data transfer between VPCs is billed",
        )
    ],
)


def test_cost_traffic_between_vpcs() -> None:
    check_case(RULE, CASE)
