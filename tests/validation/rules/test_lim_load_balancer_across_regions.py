"""LIM-019 (Load balancer target in another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation.rules.lim_load_balancer_across_regions import RULE
from tests.validation.builders import Build, Case, check_case, net


def _alb_to(region: str) -> Build:
    def make() -> Architecture:
        arch = net()
        arch.add_service(
            "alb", "public-a", label="Edge", node_id="alb", extra_subnet_ids=["public-b"], properties={}
        )
        if region == "us-east-1":
            arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
        else:
            arch.add_node(RegionNode(id="far", label="Far", region=region))
            arch.add_node(VpcNode(id="far-vpc", label="Far VPC", parent_id="far", cidr="10.1.0.0/16"))
            arch.add_node(
                AvailabilityZoneNode(id="far-az", label="AZ", parent_id="far-vpc", zone=f"{region}a")
            )
            arch.add_node(SubnetNode(id="far-sub", label="Sub", parent_id="far-az", cidr="10.1.0.0/24"))
            arch.add_service("ec2_instance", "far-sub", label="App", node_id="app")
        arch.connect("alb", "app", ConnectionKind.TRAFFIC, port=80)
        return arch

    return make


CASE = Case(
    ok=_alb_to("us-east-1"),
    bad=_alb_to("eu-west-1"),
    expected=[
        (
            ("alb", "app"),
            "“Edge” (us-east-1) sends traffic to “App” in eu-west-1; load balancers do not balance across regions",
        )
    ],
)


def test_lim_load_balancer_across_regions() -> None:
    check_case(RULE, CASE)
