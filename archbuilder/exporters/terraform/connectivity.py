"""Terraform for the links between networks: transit gateways and their attachments and shares, virtual private and
customer gateways, VPN connections and their routes, VPC peerings, network ACLs and Direct Connect."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import (
    BlockWriter,
    BodyWriter,
    CompanionWriter,
    Props,
    arg,
    depends_on,
    present,
    split_resource,
    tags_arg,
)


def _transit_gateway(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "description": p.get("Description"),
            "amazon_side_asn": p.get("AmazonSideAsn"),
            "default_route_table_association": p.get("DefaultRouteTableAssociation"),
            "default_route_table_propagation": p.get("DefaultRouteTablePropagation"),
            "auto_accept_shared_attachments": p.get("AutoAcceptSharedAttachments"),
            "dns_support": p.get("DnsSupport"),
            "vpn_ecmp_support": p.get("VpnEcmpSupport"),
            **tags_arg(conv, p),
        }
    )


def _transit_attachment(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "transit_gateway_id": arg(conv, p, "TransitGatewayId"),
        "vpc_id": arg(conv, p, "VpcId"),
        "subnet_ids": arg(conv, p, "SubnetIds"),
        **tags_arg(conv, p),
    }


def _share(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": arg(conv, p, "Name"),
        "allow_external_principals": p.get("AllowExternalPrincipals", False),
        **tags_arg(conv, p),
    }


def _share_members(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The provider keeps what a share holds and whom it is shared with in resources of their own."""
    share = Expr(f"{conv.address(logical)}.arn")
    resources = [
        split_resource(
            conv,
            logical,
            "aws_ram_resource_association",
            {"resource_arn": conv.expr(arn), "resource_share_arn": share},
            f"_{index + 1}",
        )
        for index, arn in enumerate(p.get("ResourceArns") or [])
    ]
    principals = [
        split_resource(
            conv,
            logical,
            "aws_ram_principal_association",
            {"principal": conv.expr(principal), "resource_share_arn": share},
            f"_{index + 1}",
        )
        for index, principal in enumerate(p.get("Principals") or [])
    ]
    return resources + principals


def _vpn_gateway(conv: Converter_, logical: str, p: Props) -> Props:
    # The VPC attachment is the gateway's vpc_id here, as for the internet gateway (network.py).
    attachment: Props = next(
        (
            body["Properties"]
            for body in conv.resources.values()
            if body["Type"] == "AWS::EC2::VPCGatewayAttachment"
            and body["Properties"].get("VpnGatewayId") == {"Ref": logical}
        ),
        {},
    )
    return present(
        {
            "vpc_id": arg(conv, attachment, "VpcId"),
            "amazon_side_asn": str(p["AmazonSideAsn"]) if "AmazonSideAsn" in p else None,
            **tags_arg(conv, p),
        }
    )


def _route_propagations(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """One propagation per route table: the provider's resource takes a single table."""
    waits = depends_on(conv, p)
    return [
        split_resource(
            conv,
            logical,
            "aws_vpn_gateway_route_propagation",
            present(
                {
                    "vpn_gateway_id": arg(conv, p, "VpnGatewayId"),
                    "route_table_id": conv.expr(table),
                    "depends_on": waits,
                }
            ),
            f"_{conv.names[table['Ref']][1]}",
        )
        for table in p["RouteTableIds"]
    ]


def _customer_gateway(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "type": p["Type"],
            "ip_address": arg(conv, p, "IpAddress"),
            # The provider takes the ASN as text.
            "bgp_asn": str(p["BgpAsn"]) if "BgpAsn" in p else None,
            "bgp_asn_extended": str(p["BgpAsnExtended"]) if "BgpAsnExtended" in p else None,
            "device_name": p.get("DeviceName"),
            **tags_arg(conv, p),
        }
    )


def _vpn_connection(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "type": p["Type"],
            "customer_gateway_id": arg(conv, p, "CustomerGatewayId"),
            "vpn_gateway_id": arg(conv, p, "VpnGatewayId"),
            "transit_gateway_id": arg(conv, p, "TransitGatewayId"),
            "static_routes_only": p.get("StaticRoutesOnly"),
            **tags_arg(conv, p),
        }
    )


def _vpn_route(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "vpn_connection_id": arg(conv, p, "VpnConnectionId"),
        "destination_cidr_block": p["DestinationCidrBlock"],
    }


def _peering(conv: Converter_, logical: str, p: Props) -> Props:
    # Within one account and region the requester accepts its own request, as CloudFormation does; across
    # accounts or regions the accepter's side is left to its owner (the template names the step).
    return present(
        {
            "vpc_id": arg(conv, p, "VpcId"),
            "peer_vpc_id": arg(conv, p, "PeerVpcId"),
            "peer_region": p.get("PeerRegion"),
            "peer_owner_id": p.get("PeerOwnerId"),
            "auto_accept": True if "PeerRegion" not in p and "PeerOwnerId" not in p else None,
            **tags_arg(conv, p),
        }
    )


def _acl(conv: Converter_, logical: str, p: Props) -> Props:
    return {"vpc_id": arg(conv, p, "VpcId"), **tags_arg(conv, p)}


def _acl_entry(conv: Converter_, logical: str, p: Props) -> Props:
    ports, icmp = p.get("PortRange"), p.get("Icmp")
    return present(
        {
            "network_acl_id": arg(conv, p, "NetworkAclId"),
            "rule_number": p["RuleNumber"],
            "egress": p.get("Egress", False),
            "rule_action": p["RuleAction"],
            "protocol": str(p["Protocol"]),
            "cidr_block": p["CidrBlock"],
            "from_port": ports["From"] if ports else None,
            "to_port": ports["To"] if ports else None,
            "icmp_type": icmp["Type"] if icmp else None,
            "icmp_code": icmp["Code"] if icmp else None,
        }
    )


def _acl_association(conv: Converter_, logical: str, p: Props) -> Props:
    return {"network_acl_id": arg(conv, p, "NetworkAclId"), "subnet_id": arg(conv, p, "SubnetId")}


def _dx_gateway(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": arg(conv, p, "DirectConnectGatewayName"), "amazon_side_asn": p["AmazonSideAsn"]}


def _dx_association(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "dx_gateway_id": arg(conv, p, "DirectConnectGatewayId"),
            "associated_gateway_id": arg(conv, p, "AssociatedGatewayId"),
            "allowed_prefixes": p.get("AllowedPrefixesToDirectConnectGateway"),
        }
    )


def _dx_connection(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": arg(conv, p, "ConnectionName"),
        "bandwidth": p["Bandwidth"],
        "location": p["Location"],
        **tags_arg(conv, p),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::EC2::TransitGateway": _transit_gateway,
    "AWS::EC2::TransitGatewayVpcAttachment": _transit_attachment,
    "AWS::RAM::ResourceShare": _share,
    "AWS::EC2::VPNGateway": _vpn_gateway,
    "AWS::EC2::CustomerGateway": _customer_gateway,
    "AWS::EC2::VPNConnection": _vpn_connection,
    "AWS::EC2::VPNConnectionRoute": _vpn_route,
    "AWS::EC2::VPCPeeringConnection": _peering,
    "AWS::EC2::NetworkAcl": _acl,
    "AWS::EC2::NetworkAclEntry": _acl_entry,
    "AWS::EC2::SubnetNetworkAclAssociation": _acl_association,
    "AWS::DirectConnect::DirectConnectGateway": _dx_gateway,
    "AWS::DirectConnect::DirectConnectGatewayAssociation": _dx_association,
    "AWS::DirectConnect::Connection": _dx_connection,
}

# Types written as several resources, none under the type's own name.
BLOCK_WRITERS: dict[str, BlockWriter] = {"AWS::EC2::VPNGatewayRoutePropagation": _route_propagations}

# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {"AWS::RAM::ResourceShare": [_share_members]}
