"""The links between networks come back from CloudFormation as they were drawn: each service with its settings, its
companions folded into it (attachments, shares, routes, entries, associations, gateways) and the connections they
stand for; the template is written back unchanged, and deleting a link takes what belongs to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.compare.diff_engine import diff_documents
from archbuilder.compare.diff_sources import cloudformation_document
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.importers.cfn_yaml import load_template
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture
from archbuilder.validation import validate
from tests.exporters.cfn_tools import lint
from tests.exporters.test_connectivity_export import connectivity
from tests.importers.round_trips import connections, imported, services

LINK_TYPES = {
    "transit_gateway",
    "vpn_gateway",
    "customer_gateway",
    "vpn_connection",
    "vpc_peering",
    "network_acl",
    "direct_connect",
}


def links() -> Architecture:
    """The export's connectivity design, plus two Direct Connect links whose connection is not declared: a hosted
    one from a partner to the virtual private gateway, and a dedicated one still without a location to the hub."""
    arch = connectivity()
    arch.add_service(
        "direct_connect",
        "region",
        label="Partner link",
        node_id="partner",
        properties={"connection_type": "hosted", "bandwidth": "10Gbps"},
    )
    arch.add_service(
        "direct_connect", "region", label="New site", node_id="site", properties={"bandwidth": "100Gbps"}
    )
    arch.connect("partner", "vgw", K.ATTACH)
    arch.connect("site", "hub", K.ATTACH)
    return arch


def test_the_links_come_back_as_drawn_and_the_template_unchanged(tmp_path: Path) -> None:
    design = links()
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    assert services(arch, LINK_TYPES) == services(design, LINK_TYPES)
    assert connections(arch) == connections(design)
    assert report.generic == []
    assert {name for name, _kind in report.folded} >= {
        "HubMainAttachment",
        "HubDataAttachment",
        "HubShare",
        "OfficeVPNRoute",
        "VGWAttachment",
        "AppACLIn10",
        "AppACLIn200",
        "AppACLIn32000",
        "PrivateANetworkAclAssociation",
        "DatacentreConnection",
        "DatacentreVGWAssociation",
        "PartnerLinkVGWAssociation",
        "NewSiteHubAssociation",
    }
    names = {arch.node(node_id).label: logical for node_id, logical in arch.imported.names.items()}  # type: ignore[union-attr]
    # A link is its gateway, with or without a declared connection.
    assert (names["Datacentre"], names["Partner link"], names["New site"]) == (
        "Datacentre",
        "PartnerLink",
        "NewSite",
    )
    diff = diff_documents(
        cloudformation_document("exported", template),
        cloudformation_document("imported", cloudformation_template(arch)),
    )
    assert (diff.resources, diff.sections) == ([], [])
    assert cloudformation_template(arch) == template


def test_the_ranges_a_bgp_connection_routes_through_the_hub_are_its_own(tmp_path: Path) -> None:
    """Two BGP connections ending at the hub: each keeps the ranges routed after it, not the other's."""
    design = links()
    design.add_service("customer_gateway", "region", label="Depot router", node_id="depot")
    design.add_service(
        "vpn_connection",
        "region",
        label="Depot VPN",
        node_id="depot-vpn",
        properties={"static_routes": ["172.30.0.0/16", "172.31.0.0/16"]},
    )
    design.connect("depot-vpn", "depot", K.ATTACH)
    design.connect("depot-vpn", "hub", K.ATTACH)
    arch, _report = imported(build_template(design), tmp_path)
    routes = {
        node.label: node.properties["static_routes"]
        for node in arch.services()
        if node.type == "vpn_connection"
    }
    assert routes == {
        "Office VPN": ["192.168.0.0/16"],
        "Branch VPN": ["172.20.0.0/16"],
        "Depot VPN": ["172.30.0.0/16", "172.31.0.0/16"],
    }


@pytest.mark.parametrize(
    ("label", "gone"),
    [
        (
            "App ACL",
            {
                "AppACL",
                "AppACLIn10",
                "AppACLOut10",
                "AppACLIn100",
                "AppACLIn200",
                "AppACLOut100",
                "AppACLIn32000",
                "PrivateANetworkAclAssociation",
            },
        ),
        (
            "Datacentre",
            {"Datacentre", "DatacentreConnection", "DatacentreHubAssociation", "DatacentreVGWAssociation"},
        ),
        ("Partner link", {"PartnerLink", "PartnerLinkVGWAssociation"}),
        (
            "Branch VPN",
            {
                "BranchVPN",
                "MainPublicRouteTableToBranchVPN",
                "MainPrivateRouteTableAToBranchVPN",
                "MainPrivateRouteTableBToBranchVPN",
                "DataPrivateRouteTableAToBranchVPN",
            },
        ),
        ("To data", {"ToData"}),
    ],
)
def test_deleting_a_link_deletes_what_belongs_to_it(label: str, gone: set[str], tmp_path: Path) -> None:
    template = build_template(links())
    arch, _report = imported(template, tmp_path)
    [node] = [n for n in arch.services() if n.label == label]
    arch.remove_node(node.id)
    written = cloudformation_template(arch)
    assert set(template["Resources"]) - set(written["Resources"]) == gone
    assert set(written["Resources"]) <= set(template["Resources"])
    assert lint(json.dumps(written), "deleted.json") == []


def test_a_four_byte_asn_is_read_from_bgp_asn_extended(tmp_path: Path) -> None:
    design = links()
    design.set_property("branch", "bgp_asn", 4_200_000_000)
    template = build_template(design)
    assert template["Resources"]["BranchRouter"]["Properties"]["BgpAsnExtended"] == 4_200_000_000
    arch, report = imported(template, tmp_path)
    [branch] = [n for n in arch.services() if n.label == "Branch router"]
    assert branch.properties["bgp_asn"] == 4_200_000_000
    assert report.warnings == []
    # Past the largest private ASN: kept as written, written back, and reported.
    template["Resources"]["BranchRouter"]["Properties"]["BgpAsnExtended"] = 4_294_967_295
    arch, report = imported(template, tmp_path)
    [branch] = [n for n in arch.services() if n.label == "Branch router"]
    assert branch.properties["bgp_asn"] == 4_294_967_295
    assert [w for w in report.warnings if "BGP" in w] == [
        "BranchRouter: BGP ASN 4294967295 is outside the catalog (must be at most 4294967294); kept as written"
    ]
    assert cloudformation_template(arch) == template
    assert [(f.rule_id, f.node_ids) for f in validate(arch).findings if f.rule_id.startswith("LIM-09")] == [
        ("LIM-091", (branch.id,))
    ]


HAND_WRITTEN = """\
AWSTemplateFormatVersion: '2010-09-09'
Description: Branch office links
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.20.0.0/16}
  AppSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.20.1.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  DataSubnet:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.20.2.0/24, AvailabilityZone: !Select [1, !GetAZs '']}
  Server:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-0123456789abcdef0, InstanceType: t3.micro, SubnetId: !Ref AppSubnet}
  AppAcl:
    Type: AWS::EC2::NetworkAcl
    Properties: {VpcId: !Ref Vpc}
  BlockScanner:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      {NetworkAclId: !Ref AppAcl, RuleNumber: 50, Egress: false, RuleAction: deny, CidrBlock: 203.0.113.0/24,
       Protocol: -1}
  AllowHttps:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      {NetworkAclId: !Ref AppAcl, RuleNumber: 100, Egress: false, RuleAction: allow, CidrBlock: 0.0.0.0/0,
       Protocol: 6, PortRange: {From: 443, To: 443}}
  AllowDns:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      {NetworkAclId: !Ref AppAcl, RuleNumber: 210, Egress: false, RuleAction: allow, CidrBlock: 10.20.0.0/16,
       Protocol: 17, PortRange: {From: 53, To: 53}}
  AllowReplies:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      {NetworkAclId: !Ref AppAcl, RuleNumber: 120, Egress: false, RuleAction: allow, CidrBlock: 0.0.0.0/0,
       Protocol: 6, PortRange: {From: 1024, To: 65535}}
  AllowOut:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      {NetworkAclId: !Ref AppAcl, RuleNumber: 100, Egress: true, RuleAction: allow, CidrBlock: 0.0.0.0/0,
       Protocol: -1}
  AppAclAssociation:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: {SubnetId: !Ref AppSubnet, NetworkAclId: !Ref AppAcl}
  Hub:
    Type: AWS::EC2::TransitGateway
    Properties: {AmazonSideAsn: 65100, Description: Branch hub}
  HubAttachment:
    Type: AWS::EC2::TransitGatewayVpcAttachment
    Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Vpc, SubnetIds: [!Ref AppSubnet, !Ref DataSubnet]}
  Branch:
    Type: AWS::EC2::CustomerGateway
    Properties: {Type: ipsec.1, IpAddress: 198.51.100.20, BgpAsn: 65020}
  BranchVpn:
    Type: AWS::EC2::VPNConnection
    Properties: {Type: ipsec.1, CustomerGatewayId: !Ref Branch, TransitGatewayId: !Ref Hub, StaticRoutesOnly: true}
  Colo:
    Type: AWS::DirectConnect::DirectConnectGateway
    Properties: {DirectConnectGatewayName: colo, AmazonSideAsn: '64600'}
  ColoHub:
    Type: AWS::DirectConnect::DirectConnectGatewayAssociation
    Properties:
      DirectConnectGatewayId: !GetAtt Colo.DirectConnectGatewayId
      AssociatedGatewayId: !Ref Hub
      AllowedPrefixesToDirectConnectGateway: [10.20.0.0/16]
  Partner:
    Type: AWS::EC2::VPCPeeringConnection
    Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-0a1b2c3d4e5f60718, PeerRegion: eu-west-1}
"""


def test_a_hand_written_template_of_links_reads_as_aws_deploys_it(tmp_path: Path) -> None:
    path = tmp_path / "branch.yaml"
    path.write_text(HAND_WRITTEN)
    assert lint(HAND_WRITTEN, "branch.yaml") == []
    arch, report = import_template(path)
    assert services(arch, LINK_TYPES) == {
        "AppAcl": (
            "network_acl",
            ["Vpc"],
            {
                "deny_cidrs": ["203.0.113.0/24"],
                # Rule 120, the replies to what the subnet starts, is what allow_all_outbound writes.
                "allow_inbound": [
                    {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"},
                    {"protocol": "udp", "from_port": 53, "to_port": 53, "cidr": "10.20.0.0/16"},
                ],
                "allow_all_outbound": True,
            },
        ),
        "Hub": ("transit_gateway", ["region"], {"amazon_side_asn": 65100, "shared_with": []}),
        "Branch": (
            "customer_gateway",
            ["region"],
            {"ip_address": "198.51.100.20", "bgp_asn": 65020, "device_name": ""},
        ),
        "BranchVpn": ("vpn_connection", ["region"], {"static_routes_only": True, "static_routes": []}),
        # Nothing in the template says how the colocation's connection is ordered: the catalog's defaults.
        "Colo": (
            "direct_connect",
            ["region"],
            {"connection_type": "dedicated", "bandwidth": "1Gbps", "location": ""},
        ),
        "Partner": (
            "vpc_peering",
            ["Vpc"],
            {"peer_vpc": "vpc-0a1b2c3d4e5f60718", "peer_region": "eu-west-1", "peer_account_id": ""},
        ),
    }
    assert connections(arch) == {
        ("AppAcl", "Server", "attach"),  # it guards the server's subnet, not the data subnet
        ("BranchVpn", "Branch", "attach"),
        ("BranchVpn", "Hub", "attach"),
        ("Colo", "Hub", "attach"),
    }
    assert (report.generic, report.warnings) == ([], [])
    assert cloudformation_template(arch) == load_template(HAND_WRITTEN.encode(), "branch.yaml")


HUB_WITH_ITS_OWN_TABLES = """\
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs '']}
  Table:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Hub:
    Type: AWS::EC2::TransitGateway
    Properties: {DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable}
  Attachment:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Vpc, SubnetIds: [!Ref SubnetA]}
  HubTable:
    Type: AWS::EC2::TransitGatewayRouteTable
    Properties: {TransitGatewayId: !Ref Hub}
  HubTableAssociation:
    Type: AWS::EC2::TransitGatewayRouteTableAssociation
    Properties: {TransitGatewayAttachmentId: !Ref Attachment, TransitGatewayRouteTableId: !Ref HubTable}
  HubTablePropagation:
    Type: AWS::EC2::TransitGatewayRouteTablePropagation
    Properties: {TransitGatewayAttachmentId: !Ref Attachment, TransitGatewayRouteTableId: !Ref HubTable}
  DefaultToHub:
    Type: AWS::EC2::TransitGatewayRoute
    Properties:
      TransitGatewayRouteTableId: !Ref HubTable
      DestinationCidrBlock: 0.0.0.0/0
      TransitGatewayAttachmentId: !Ref Attachment
  RouteToHub:
    Type: AWS::EC2::Route
    DependsOn: Attachment
    Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 10.8.0.0/16, TransitGatewayId: !Ref Hub}
  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}
  VgwAttach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw}}
  Propagation:
    Type: AWS::EC2::VPNGatewayRoutePropagation
    DependsOn: VgwAttach
    Properties: {VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref Table]}
  Cgw: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: 198.51.100.9, BgpAsn: 65001}}
  Vpn:
    Type: AWS::EC2::VPNConnection
    Properties:
      Type: ipsec.1
      CustomerGatewayId: !Ref Cgw
      VpnGatewayId: !Ref Vgw
      VpnTunnelOptionsSpecifications: [{PreSharedKey: '{{resolve:secretsmanager:vpn:SecretString:psk}}'}]
"""


def test_a_hand_written_hub_folds_its_attachments_and_route_tables(tmp_path: Path) -> None:
    """Attachments of the generic type, route table associations and propagations are the hub's own: none is a
    box of its own, and deleting the hub takes them, with the VPC route through it."""
    path = tmp_path / "hub.yaml"
    path.write_text(HUB_WITH_ITS_OWN_TABLES)
    assert lint(HUB_WITH_ITS_OWN_TABLES, "hub.yaml") == []
    arch, report = import_template(path)
    assert report.generic == []
    assert {n.label: n.type for n in arch.services()} == {
        "Hub": "transit_gateway",
        "Vgw": "vpn_gateway",
        "Cgw": "customer_gateway",
        "Vpn": "vpn_connection",
    }
    assert connections(arch) == {("Vpn", "Cgw", "attach"), ("Vpn", "Vgw", "attach")}
    assert cloudformation_template(arch) == load_template(HUB_WITH_ITS_OWN_TABLES.encode(), "hub.yaml")
    [hub] = [n for n in arch.services() if n.label == "Hub"]
    arch.remove_node(hub.id)
    written = cloudformation_template(arch)
    assert sorted(written["Resources"]) == [
        "Cgw",
        "Propagation",
        "SubnetA",
        "Table",
        "Vgw",
        "VgwAttach",
        "Vpc",
        "Vpn",
    ]
    assert lint(json.dumps(written), "without-hub.json") == []
