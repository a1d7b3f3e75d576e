"""LIM-008 (Security group source in another region): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Architecture, AvailabilityZoneNode, RegionNode, SubnetNode, VpcNode
from archbuilder.validation.rules.lim_security_group_across_regions import RULE
from tests.validation.builders import Build, Case, check_case, db, net


def _with_remote_app(remote_region: str) -> Build:
    """The base network's DB admits an app running in a second VPC in `remote_region`."""

    def make() -> Architecture:
        arch = net()
        arch.add_node(RegionNode(id="far", label="Far", region=remote_region))
        arch.add_node(VpcNode(id="far-vpc", label="Far VPC", parent_id="far", cidr="10.1.0.0/16"))
        arch.add_node(
            AvailabilityZoneNode(id="far-az", label="Far AZ", parent_id="far-vpc", zone=f"{remote_region}a")
        )
        arch.add_node(SubnetNode(id="far-sub", label="Far subnet", parent_id="far-az", cidr="10.1.0.0/24"))
        arch.add_service("ec2_instance", "far-sub", label="App", node_id="app")
        db(
            "private-a",
            ["private-b"],
            ingress=[{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "source_id": "app"}],
        )(arch)
        return arch

    return make


CASE = Case(
    ok=_with_remote_app("us-east-1"),
    bad=_with_remote_app("eu-west-1"),
    expected=[
        (
            ("db", "app"),
            "“DB” (us-east-1) admits “App” by security group, but “App” is in eu-west-1 and security groups do "
            "not span regions",
        )
    ],
)


def test_lim_security_group_across_regions() -> None:
    check_case(RULE, CASE)
