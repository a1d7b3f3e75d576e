"""PERF-005 (Multi-region design behind simple DNS routing): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.perf_multi_region_simple_routing import RULE
from tests.validation.builders import Build, Case, check_case


def _two_regions(policy: str) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="us", label="US", region="us-east-1"))
        arch.add_node(RegionNode(id="eu", label="EU", region="eu-west-1"))
        arch.add_service("api_gateway_rest", "us", label="API US", node_id="api-us")
        arch.add_service("api_gateway_rest", "eu", label="API EU", node_id="api-eu")
        arch.add_service(
            "route53_zone", None, label="Shop zone", node_id="zone", properties={"routing_policy": policy}
        )
        arch.connect("zone", "api-us", ConnectionKind.DNS)
        arch.connect("zone", "api-eu", ConnectionKind.DNS)
        return arch

    return make


CASE = Case(
    ok=_two_regions("latency"),
    bad=_two_regions("simple"),
    expected=[
        (
            ("zone",),
            "“Shop zone” points to regions eu-west-1, us-east-1 with simple routing; latency-based routing would "
            "send each user to the nearest",
        )
    ],
)


def test_perf_multi_region_simple_routing() -> None:
    check_case(RULE, CASE)
