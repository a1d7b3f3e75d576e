"""REL-035 (Failover routing without health checks): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, RegionNode
from archbuilder.validation.rules.rel_failover_routing_without_health_checks import RULE
from tests.validation.builders import Build, Case, check_case


def _failover(with_check: bool) -> Build:
    def make() -> Architecture:
        arch = Architecture()
        arch.add_node(RegionNode(id="us", label="US", region="us-east-1"))
        arch.add_node(RegionNode(id="eu", label="EU", region="eu-west-1"))
        arch.add_service("api_gateway_rest", "us", label="Primary", node_id="primary")
        arch.add_service("api_gateway_rest", "eu", label="Standby", node_id="standby")
        arch.add_service(
            "route53_zone", None, label="Shop", node_id="zone", properties={"routing_policy": "failover"}
        )
        arch.connect("zone", "primary", ConnectionKind.DNS)
        arch.connect("zone", "standby", ConnectionKind.DNS)
        if with_check:
            arch.add_service("route53_health_check", None, label="Primary check", node_id="check")
            arch.connect("check", "primary", ConnectionKind.ATTACH)
        return arch

    return make


CASE = Case(
    ok=_failover(True),
    bad=_failover(False),
    expected=[(("zone",), "“Shop” uses failover routing but no Route 53 health check watches its targets")],
)


def test_rel_failover_routing_without_health_checks() -> None:
    check_case(RULE, CASE)
