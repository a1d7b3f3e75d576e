"""Links between networks export to both formats: transit gateway attachments and the routes through the hub, a
virtual private gateway attached and propagating, customer gateways, VPN connections and their static routes, a
VPC peering routed both ways, a network ACL with its entries and associations, and Direct Connect with what is left
to do by hand. cfn-lint and moto judge the template; the Terraform corresponds resource by resource."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.manual import manual_steps
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError, export
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import Architecture, AvailabilityZoneNode, SubnetNode, VpcNode, save
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.exporters.design_tags import design_tags
from tests.exporters.every_service import every_service
from tests.exporters.tf_correspondence import check
from tests.model.builders import two_az_network


def connectivity() -> Architecture:
    """Main (10.0/16, two AZs) and Data (10.1/16, one private subnet) behind a hub shared with another account;
    an office on a static VPN to Main's gateway (which does not propagate), a branch on a BGP VPN to the hub, a
    peering from Main to Data, Direct Connect to both AWS ends, and an ACL guarding the app's subnet."""
    arch = two_az_network()
    arch.add_node(VpcNode(id="data", label="Data", parent_id="region", cidr="10.1.0.0/16"))
    arch.add_node(AvailabilityZoneNode(id="data-a", label="Data AZ a", parent_id="data", zone="us-east-1a"))
    arch.add_node(
        SubnetNode(
            id="data-private-a", label="Data private", parent_id="data-a", cidr="10.1.1.0/24", tier="private"
        )
    )
    add = arch.add_service
    add("internet_gateway", "vpc", label="IGW", node_id="igw")
    add("nat_gateway", "public-a", label="NAT", node_id="nat")
    add("transit_gateway", "region", label="Hub", node_id="hub", properties={"shared_with": ["111122223333"]})
    add("vpn_gateway", "vpc", label="VGW", node_id="vgw", properties={"route_propagation": False})
    add(
        "customer_gateway",
        "region",
        label="Office router",
        node_id="office",
        properties={"device_name": "edge-1"},
    )
    add("customer_gateway", "region", label="Branch router", node_id="branch", properties={"bgp_asn": 65010})
    add(
        "vpn_connection",
        "region",
        label="Office VPN",
        node_id="office-vpn",
        properties={"static_routes_only": True, "static_routes": ["192.168.0.0/16"]},
    )
    add(
        "vpn_connection",
        "region",
        label="Branch VPN",
        node_id="branch-vpn",
        properties={"static_routes": ["172.20.0.0/16"]},
    )
    add("vpc_peering", "vpc", label="To data", node_id="peering", properties={"peer_vpc": "Data"})
    add("direct_connect", "region", label="Datacentre", node_id="dx", properties={"location": "EqDC2"})
    add(
        "network_acl",
        "vpc",
        label="App ACL",
        node_id="acl",
        properties={
            "deny_cidrs": ["198.51.100.0/24"],
            "allow_inbound": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "10.0.0.0/16"}],
        },
    )
    add("ec2_instance", "private-a", label="App", node_id="app")
    add(
        "alb",
        "public-a",
        label="Web",
        node_id="web",
        extra_subnet_ids=["public-b"],
        properties={"internet_facing": True},
    )
    arch.connect("web", "app", K.TRAFFIC, port=8080)
    arch.connect("acl", "app", K.ATTACH)
    arch.connect("office-vpn", "office", K.ATTACH)
    arch.connect("office-vpn", "vgw", K.ATTACH)
    arch.connect("branch-vpn", "branch", K.ATTACH)
    arch.connect("branch-vpn", "hub", K.ATTACH)
    arch.connect("dx", "vgw", K.ATTACH)
    arch.connect("dx", "hub", K.ATTACH)
    return arch


def _of_type(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: body for name, body in template["Resources"].items() if body["Type"] == kind}


def _routes(template: dict[str, Any]) -> set[tuple[str, str, str, str | None]]:
    """(table, destination, target, waits for) of the routes that are not the VPCs' defaults."""
    found = set()
    for body in _of_type(template, "AWS::EC2::Route").values():
        props = body["Properties"]
        if props["DestinationCidrBlock"] == "0.0.0.0/0":
            continue
        [(key, value)] = [(k, v) for k, v in props.items() if k.endswith("Id") and k != "RouteTableId"]
        found.add(
            (
                props["RouteTableId"]["Ref"],
                props["DestinationCidrBlock"],
                f"{key}={value['Ref']}",
                body.get("DependsOn"),
            )
        )
    return found


def test_the_links_pass_cfn_lint() -> None:
    assert lint(json.dumps(build_template(connectivity())), "connectivity.json") == []


def test_the_links_become_attachments_and_routes() -> None:
    template = build_template(connectivity())
    attachments = _of_type(template, "AWS::EC2::TransitGatewayVpcAttachment")
    assert {
        name: [s["Ref"] for s in body["Properties"]["SubnetIds"]] for name, body in attachments.items()
    } == {
        "HubDataAttachment": ["DataPrivate"],
        "HubMainAttachment": ["PrivateA", "PrivateB"],  # one subnet per AZ, private where there is one
    }
    assert _routes(template) == {
        # The hub carries Main <-> Data (the peering, drawn later, finds the ranges routed already).
        ("DataPrivateRouteTableA", "10.0.0.0/16", "TransitGatewayId=Hub", "HubDataAttachment"),
        ("MainPublicRouteTable", "10.1.0.0/16", "TransitGatewayId=Hub", "HubMainAttachment"),
        ("MainPrivateRouteTableA", "10.1.0.0/16", "TransitGatewayId=Hub", "HubMainAttachment"),
        ("MainPrivateRouteTableB", "10.1.0.0/16", "TransitGatewayId=Hub", "HubMainAttachment"),
        # The branch's range through the hub from every attached VPC.
        ("DataPrivateRouteTableA", "172.20.0.0/16", "TransitGatewayId=Hub", "HubDataAttachment"),
        ("MainPublicRouteTable", "172.20.0.0/16", "TransitGatewayId=Hub", "HubMainAttachment"),
        ("MainPrivateRouteTableA", "172.20.0.0/16", "TransitGatewayId=Hub", "HubMainAttachment"),
        ("MainPrivateRouteTableB", "172.20.0.0/16", "TransitGatewayId=Hub", "HubMainAttachment"),
        # The office's static range through the gateway, which propagates nothing itself.
        ("MainPublicRouteTable", "192.168.0.0/16", "GatewayId=VGW", "VGWAttachment"),
        ("MainPrivateRouteTableA", "192.168.0.0/16", "GatewayId=VGW", "VGWAttachment"),
        ("MainPrivateRouteTableB", "192.168.0.0/16", "GatewayId=VGW", "VGWAttachment"),
    }
    assert _of_type(template, "AWS::EC2::VPNGatewayRoutePropagation") == {}
    resources = template["Resources"]
    assert resources["OfficeVPN"]["Properties"] == {
        "Type": "ipsec.1",
        "CustomerGatewayId": {"Ref": "OfficeRouter"},
        "VpnGatewayId": {"Ref": "VGW"},
        "StaticRoutesOnly": True,
        "Tags": [{"Key": "Name", "Value": "Office VPN"}, *design_tags()],
    }
    assert resources["OfficeVPNRoute"]["Properties"] == {
        "VpnConnectionId": {"Ref": "OfficeVPN"},
        "DestinationCidrBlock": "192.168.0.0/16",
    }
    assert resources["BranchVPN"]["Properties"]["TransitGatewayId"] == {"Ref": "Hub"}
    assert resources["HubShare"]["Properties"]["Principals"] == ["111122223333"]
    assert resources["ToData"]["Properties"]["PeerVpcId"] == {"Ref": "Data"}
    associations = _of_type(template, "AWS::DirectConnect::DirectConnectGatewayAssociation")
    assert {
        name: body["Properties"].get("AllowedPrefixesToDirectConnectGateway")
        for name, body in associations.items()
    } == {
        "DatacentreHubAssociation": ["10.1.0.0/16", "10.0.0.0/16"],
        "DatacentreVGWAssociation": None,
    }
    assert resources["DatacentreConnection"]["Properties"]["Location"] == "EqDC2"
    assert resources["Datacentre"]["Type"] == "AWS::DirectConnect::DirectConnectGateway"


def test_a_peering_without_a_hub_routes_both_ways_and_a_propagating_gateway_takes_every_table() -> None:
    arch = connectivity()
    arch.remove_node("hub")
    arch.set_property("vgw", "route_propagation", True)
    template = build_template(arch)
    peering_routes = {route for route in _routes(template) if route[2].startswith("VpcPeering")}
    assert peering_routes == {
        ("DataPrivateRouteTableA", "10.0.0.0/16", "VpcPeeringConnectionId=ToData", None),
        ("MainPublicRouteTable", "10.1.0.0/16", "VpcPeeringConnectionId=ToData", None),
        ("MainPrivateRouteTableA", "10.1.0.0/16", "VpcPeeringConnectionId=ToData", None),
        ("MainPrivateRouteTableB", "10.1.0.0/16", "VpcPeeringConnectionId=ToData", None),
    }
    assert template["Resources"]["VGWRoutePropagation"] == {
        "Type": "AWS::EC2::VPNGatewayRoutePropagation",
        "DependsOn": "VGWAttachment",
        "Properties": {
            "VpnGatewayId": {"Ref": "VGW"},
            "RouteTableIds": [
                {"Ref": "MainPublicRouteTable"},
                {"Ref": "MainPrivateRouteTableA"},
                {"Ref": "MainPrivateRouteTableB"},
            ],
        },
    }
    # Propagated: the office's range reaches the tables without routes of the export's own.
    assert not [route for route in _routes(template) if route[1] == "192.168.0.0/16"]


def test_the_acl_guards_the_attached_service_subnets_with_numbered_entries() -> None:
    template = build_template(connectivity())
    entries = {
        (body["Properties"]["RuleNumber"], body["Properties"]["Egress"]): (
            body["Properties"]["RuleAction"],
            body["Properties"]["CidrBlock"],
            body["Properties"]["Protocol"],
            tuple(body["Properties"].get("PortRange", {}).values()),
        )
        for body in _of_type(template, "AWS::EC2::NetworkAclEntry").values()
    }
    assert entries == {
        (10, False): ("deny", "198.51.100.0/24", -1, ()),
        (10, True): ("deny", "198.51.100.0/24", -1, ()),
        (100, False): ("allow", "10.0.0.0/16", 6, (443, 443)),
        (200, False): ("allow", "10.0.0.0/16", 6, (8080, 8080)),  # the load balancer's traffic to the app
        (100, True): ("allow", "0.0.0.0/0", -1, ()),
        (32000, False): ("allow", "0.0.0.0/0", 6, (1024, 65535)),  # replies to what the subnet starts
    }
    associations = _of_type(template, "AWS::EC2::SubnetNetworkAclAssociation")
    assert [body["Properties"]["SubnetId"] for body in associations.values()] == [{"Ref": "PrivateA"}]


def test_a_subnet_guarded_by_two_acls_is_refused_by_name() -> None:
    arch = connectivity()
    arch.add_service("network_acl", "vpc", label="Second ACL", node_id="acl2")
    with pytest.raises(
        ExportError, match=r"^Second ACL: subnet Private a is already guarded by another network ACL"
    ):
        build_template(arch)


def test_the_terraform_corresponds_and_folds_the_gateway_attachment() -> None:
    found = check(connectivity())
    assert found[("aws_vpn_gateway", "vgw")]["vpc_id"] == "${aws_vpc.main.id}"
    assert found[("aws_vpn_connection", "office_vpn")]["static_routes_only"] is True
    assert found[("aws_customer_gateway", "branch_router")]["bgp_asn"] == "65010"
    assert found[("aws_vpc_peering_connection", "to_data")]["auto_accept"] is True
    route = found[("aws_route", "main_private_route_table_a_to_office_vpn")]
    assert (route["gateway_id"], route["depends_on"]) == (
        "${aws_vpn_gateway.vgw.id}",
        ["${aws_vpn_gateway.vgw}"],
    )
    hub_route = found[("aws_route", "main_private_route_table_a_to_data")]
    assert (hub_route["transit_gateway_id"], hub_route["depends_on"]) == (
        "${aws_ec2_transit_gateway.hub.id}",
        ["${aws_ec2_transit_gateway_vpc_attachment.hub_main_attachment}"],
    )
    assert found[("aws_ram_principal_association", "hub_share_1")]["principal"] == "111122223333"
    rule = found[("aws_network_acl_rule", "app_acl_in200")]
    assert (rule["protocol"], rule["from_port"], rule["to_port"], rule["egress"]) == ("6", 8080, 8080, False)
    assert found[("aws_dx_connection", "datacentre_connection")]["lifecycle"] == [{"prevent_destroy": True}]


def test_a_propagating_gateway_becomes_one_propagation_per_table() -> None:
    arch = connectivity()
    arch.set_property("vgw", "route_propagation", True)
    found = check(arch)
    propagations = sorted(name for kind, name in found if kind == "aws_vpn_gateway_route_propagation")
    assert propagations == [
        "vgw_route_propagation_main_private_route_table_a",
        "vgw_route_propagation_main_private_route_table_b",
        "vgw_route_propagation_main_public_route_table",
    ]


def test_the_links_deploy_in_moto_and_the_routes_are_there() -> None:
    deployable, _dropped = moto_deployable(build_template(connectivity()))
    with mock_aws():
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(
            StackName="links", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert (
            cloudformation.describe_stacks(StackName="links")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
        )
        physical = {
            r["LogicalResourceId"]: r.get("PhysicalResourceId")
            for r in cloudformation.describe_stack_resources(StackName="links")["StackResources"]
        }
        ec2 = boto3.client("ec2", region_name="us-east-1")
        [gateway] = ec2.describe_vpn_gateways(VpnGatewayIds=[physical["VGW"]])["VpnGateways"]
        assert [a["VpcId"] for a in gateway["VpcAttachments"]] == [physical["Main"]]
        [hub] = ec2.describe_transit_gateways(TransitGatewayIds=[physical["Hub"]])["TransitGateways"]
        assert hub["Options"]["AmazonSideAsn"] == 64512
        [peering] = ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[physical["ToData"]])[
            "VpcPeeringConnections"
        ]
        assert (peering["RequesterVpcInfo"]["VpcId"], peering["AccepterVpcInfo"]["VpcId"]) == (
            physical["Main"],
            physical["Data"],
        )
        [table] = ec2.describe_route_tables(RouteTableIds=[physical["MainPrivateRouteTableA"]])["RouteTables"]
        routes = {
            r["DestinationCidrBlock"]: r.get("GatewayId") or r.get("TransitGatewayId")
            for r in table["Routes"]
        }
        assert routes["192.168.0.0/16"] == physical["VGW"]
        assert routes["10.1.0.0/16"] == routes["172.20.0.0/16"] == physical["Hub"]


def test_links_missing_an_end_are_left_to_do_by_hand_and_the_export_still_succeeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arch = connectivity()
    arch.add_service("vpn_connection", "region", label="Spare VPN", node_id="spare")
    arch.set_property("dx", "connection_type", "hosted")
    template = build_template(arch)
    assert "SpareVPN" not in template["Resources"] and "DatacentreConnection" not in template["Resources"]
    assert manual_steps(template) == [
        "Datacentre (Direct Connect): order a hosted 1Gbps connection from a Direct Connect partner and accept it",
        "Datacentre (Direct Connect): once the cross-connect is up (the LOA-CFA from the console), create a private "
        "virtual interface on the connection to the Direct Connect gateway: its VLAN and BGP peering come from the "
        "physical link",
        "Spare VPN (VPN): connect it to a customer gateway and a virtual private gateway or transit "
        "gateway; the VPN connection is not written without both ends",
        # The design's balancer listens on HTTPS with no certificate: the deploy gives one, and is told so.
        "Web (ALB): give the ARN of an issued certificate for its domain as the WebCertificateArn parameter at "
        "deploy: no certificate is attached to it in the design, which its HTTPS listener presents",
    ]
    document = tmp_path / "links.arch.json"
    save(arch, document)
    for fmt, written in (("cloudformation", "template.yaml"), ("terraform", "main.tf")):
        assert main(["export", str(document), "--format", fmt, "-o", str(tmp_path / fmt), "--quiet"]) == 0
        err = capsys.readouterr().err
        assert err.splitlines() == [
            f"warning: not declared, to do by hand: {step}" for step in manual_steps(template)
        ]
        text = (tmp_path / fmt / written).read_text()
        assert "#   - Spare VPN (VPN): connect it to a customer gateway" in text


def test_routes_and_acl_rules_do_not_depend_on_the_order_the_design_was_drawn_or_read_in(
    tmp_path: Path,
) -> None:
    """The every-service design read back from its Terraform has its services and connections in another order:
    the hub still carries the ranges the peering also joins, and the ACL's rules keep their numbers (ordered by
    port)."""
    template = build_template(every_service())
    export("terraform", every_service(), tmp_path)
    again = build_template(import_terraform(tmp_path)[0])
    entries = _of_type(template, "AWS::EC2::NetworkAclEntry")
    assert _routes(again) == _routes(template)
    assert _of_type(again, "AWS::EC2::NetworkAclEntry") == entries
    ports = [
        body["Properties"]["PortRange"]["From"]
        for name, body in sorted(entries.items())
        if name.startswith("NACLIn2")
    ]
    assert ports == sorted(ports)
    assert {r for r in _routes(template) if r[1] in ("10.0.0.0/16", "10.1.0.0/16")} == {
        (
            "DataPrivateRouteTableA",
            "10.0.0.0/16",
            "TransitGatewayId=TransitGateway",
            "TransitGatewayDataAttachment",
        ),
        (
            "MainPublicRouteTable",
            "10.1.0.0/16",
            "TransitGatewayId=TransitGateway",
            "TransitGatewayMainAttachment",
        ),
        (
            "MainPrivateRouteTableA",
            "10.1.0.0/16",
            "TransitGatewayId=TransitGateway",
            "TransitGatewayMainAttachment",
        ),
        (
            "MainPrivateRouteTableB",
            "10.1.0.0/16",
            "TransitGatewayId=TransitGateway",
            "TransitGatewayMainAttachment",
        ),
    }
