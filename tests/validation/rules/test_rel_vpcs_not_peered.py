"""REL-031 (Traffic between VPCs without a direct peering): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode, VpcNode
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


def test_peering_through_a_hub_is_not_transitive() -> None:
    arch = _app_to_reports(peer_directly=False, hub=True)()
    assert [f.message for f in validate(arch, [RULE]).findings] == [
        "“App” (VPC “Main”) → “Reports” (VPC “Data”); peering through VPC “Hub” is not transitive"
    ]
