"""REL-031 (Traffic between VPCs without a direct peering): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode, SubnetTier, VpcNode
from archbuilder.validation import validate
from archbuilder.validation.rules.rel_vpcs_not_peered import RULE
from tests.validation.builders import Build, Case, check_case, net


def _vpc(arch: Architecture, vpc_id: str, label: str, octet: int) -> str:
    arch.add_node(VpcNode(id=vpc_id, label=label, parent_id="region", cidr=f"10.{octet}.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id=f"{vpc_id}-a", label="A", parent_id=vpc_id, zone="us-east-1a"))
    arch.add_node(
        SubnetNode(id=f"{vpc_id}-sub", label="S", parent_id=f"{vpc_id}-a", cidr=f"10.{octet}.0.0/24")
    )
    return f"{vpc_id}-sub"


def _app_to_reports(peer_directly: bool, hub: bool = False) -> Build:
    """App in VPC Main talks to Reports in VPC Data; peerings as asked."""

    def make() -> Architecture:
        arch = net()
        data_subnet = _vpc(arch, "data", "Data", 2)
        arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
        arch.add_service("ec2_instance", data_subnet, label="Reports", node_id="reports")
        arch.connect("app", "reports", ConnectionKind.TRAFFIC, port=443)
        if peer_directly:
            arch.add_service(
                "vpc_peering", "vpc", label="Main-Data", node_id="p1", properties={"peer_vpc": "Data"}
            )
        if hub:
            _vpc(arch, "hub", "Hub", 9)
            arch.add_service(
                "vpc_peering", "vpc", label="Main-Hub", node_id="p2", properties={"peer_vpc": "hub"}
            )
            arch.add_service(
                "vpc_peering", "hub", label="Hub-Data", node_id="p3", properties={"peer_vpc": "data"}
            )
        return arch

    return make


CASE = Case(
    ok=_app_to_reports(peer_directly=True),
    bad=_app_to_reports(peer_directly=False),
    expected=[(("app", "reports"), "“App” (VPC “Main”) → “Reports” (VPC “Data”); no peering connects them")],
)


def test_rel_vpcs_not_peered() -> None:
    check_case(RULE, CASE)


def _other_ways(arch: Architecture) -> None:
    """Flows between the VPCs that need no peering: to an internet-facing load balancer of VPC Edge (over the
    internet), and through a PrivateLink endpoint of VPC Main to a Network Load Balancer of VPC Edge."""
    data_public = _vpc(arch, "edge", "Edge", 3)
    arch.add_service("internet_gateway", "edge", label="Edge gateway", node_id="edge-igw")
    arch.set_container_field(data_public, "tier", SubnetTier.PUBLIC)
    arch.add_service("alb", data_public, label="Shop", node_id="shop", properties={"internet_facing": True})
    arch.add_service("ec2_instance", "public-a", label="Crawler", node_id="crawler")
    arch.connect("crawler", "shop", ConnectionKind.TRAFFIC, port=443)
    arch.add_service("vpc_endpoint_interface", "private-a", label="Link", node_id="link")
    arch.add_service(
        "nlb", data_public, label="Service", node_id="service", properties={"internet_facing": False}
    )
    arch.connect("link", "service", ConnectionKind.TRAFFIC, port=443)


def _with_other_ways(build: Build) -> Build:
    def make() -> Architecture:
        arch = build()
        _other_ways(arch)
        return arch

    return make


def test_internet_and_privatelink_flows_need_no_peering() -> None:
    check_case(
        RULE, Case(ok=_with_other_ways(CASE.ok), bad=_with_other_ways(CASE.bad), expected=CASE.expected)
    )


def test_vpn_connections_of_both_vpcs_link_them() -> None:
    arch = _app_to_reports(peer_directly=False)()
    arch.add_service("vpn_gateway", "vpc", label="Main VGW", node_id="vgw-main")
    arch.add_service("vpn_gateway", "data", label="Data VGW", node_id="vgw-data")
    arch.add_service("customer_gateway", "region", label="Office", node_id="office")
    arch.add_service("vpn_connection", "region", label="Office VPN", node_id="vpn")
    assert validate(arch, [RULE]).findings == []


def test_peering_through_a_hub_is_not_transitive() -> None:
    arch = _app_to_reports(peer_directly=False, hub=True)()
    assert [f.message for f in validate(arch, [RULE]).findings] == [
        "“App” (VPC “Main”) → “Reports” (VPC “Data”); peering through VPC “Hub” is not transitive"
    ]
