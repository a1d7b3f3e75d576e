"""Terraform for the network: VPCs, subnets, gateways, routes, security groups and endpoints."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, present, tags_arg


def _vpc(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "cidr_block": p["CidrBlock"],
        "enable_dns_support": True,
        "enable_dns_hostnames": True,
        **tags_arg(conv, p),
    }


def _subnet(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "vpc_id": arg(conv, p, "VpcId"),
        "cidr_block": p["CidrBlock"],
        "availability_zone": arg(conv, p, "AvailabilityZone"),
        "map_public_ip_on_launch": p.get("MapPublicIpOnLaunch", False),
        **tags_arg(conv, p),
    }


def _igw(conv: Converter_, logical: str, p: Props) -> Props:
    # The VPC attachment is an argument here rather than a resource of its own.
    attachment = next(
        body
        for body in conv.resources.values()
        if body["Type"] == "AWS::EC2::VPCGatewayAttachment"
        and body["Properties"].get("InternetGatewayId") == {"Ref": logical}
    )
    return {"vpc_id": conv.expr(attachment["Properties"]["VpcId"]), **tags_arg(conv, p)}


def _route_table(conv: Converter_, logical: str, p: Props) -> Props:
    return {"vpc_id": arg(conv, p, "VpcId"), **tags_arg(conv, p)}


def _route(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "route_table_id": arg(conv, p, "RouteTableId"),
            "destination_cidr_block": p["DestinationCidrBlock"],
            "gateway_id": arg(conv, p, "GatewayId"),
            "nat_gateway_id": arg(conv, p, "NatGatewayId"),
            "transit_gateway_id": arg(conv, p, "TransitGatewayId"),
            "vpc_peering_connection_id": arg(conv, p, "VpcPeeringConnectionId"),
        }
    )


def _association(conv: Converter_, logical: str, p: Props) -> Props:
    return {"subnet_id": arg(conv, p, "SubnetId"), "route_table_id": arg(conv, p, "RouteTableId")}


def _eip(conv: Converter_, logical: str, p: Props) -> Props:
    return present({"domain": "vpc", "instance": arg(conv, p, "InstanceId"), **tags_arg(conv, p)})


def _nat(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "connectivity_type": p.get("ConnectivityType"),
            "allocation_id": arg(conv, p, "AllocationId"),
            "subnet_id": arg(conv, p, "SubnetId"),
            **tags_arg(conv, p),
        }
    )


# An inline rule's CloudFormation keys naming where traffic comes from or goes to -> the block's argument (a list).
_RULE_PEERS = {
    "CidrIp": "cidr_blocks",
    "CidrIpv6": "ipv6_cidr_blocks",
    "SourceSecurityGroupId": "security_groups",
    "DestinationSecurityGroupId": "security_groups",
    "SourcePrefixListId": "prefix_list_ids",
    "DestinationPrefixListId": "prefix_list_ids",
}
# A group without SecurityGroupEgress has AWS's allow-all outbound rule; Terraform removes that rule from the groups
# it creates, so it is written out.
_ALL_OUTBOUND = {
    "Description": "all outbound",
    "IpProtocol": "-1",
    "FromPort": 0,
    "ToPort": 0,
    "CidrIp": "0.0.0.0/0",
}


def _rule_block(conv: Converter_, kind: str, rule: Props) -> Block:
    """An inline ingress or egress rule; a rule for all traffic states no ports, which Terraform writes as 0."""
    return Block(
        kind,
        (),
        present(
            {
                "description": rule.get("Description"),
                "protocol": str(rule["IpProtocol"]),
                "from_port": rule.get("FromPort", 0),
                "to_port": rule.get("ToPort", 0),
                **{name: [conv.expr(rule[key])] for key, name in _RULE_PEERS.items() if key in rule},
            }
        ),
    )


def _security_group(conv: Converter_, logical: str, p: Props) -> Props:
    body: Props = {"description": p["GroupDescription"], "vpc_id": arg(conv, p, "VpcId")}
    body["ingress"] = [
        _rule_block(conv, "ingress", rule) for rule in p.get("SecurityGroupIngress", [])
    ] or None
    body["egress"] = [
        _rule_block(conv, "egress", rule) for rule in p.get("SecurityGroupEgress", [_ALL_OUTBOUND])
    ]
    return present({**body, **tags_arg(conv, p)})


def _ingress(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "security_group_id": arg(conv, p, "GroupId"),
            "description": p.get("Description"),
            "ip_protocol": p["IpProtocol"],
            "from_port": p["FromPort"],
            "to_port": p["ToPort"],
            "cidr_ipv4": p.get("CidrIp"),
            "referenced_security_group_id": arg(conv, p, "SourceSecurityGroupId"),
        }
    )


def _endpoint(conv: Converter_, logical: str, p: Props) -> Props:
    if p["VpcEndpointType"] == "Interface":
        return {
            "vpc_id": arg(conv, p, "VpcId"),
            "vpc_endpoint_type": "Interface",
            "service_name": arg(conv, p, "ServiceName"),
            "subnet_ids": arg(conv, p, "SubnetIds", []),
            "security_group_ids": arg(conv, p, "SecurityGroupIds", []),
            "private_dns_enabled": p.get("PrivateDnsEnabled", True),
        }
    return {
        "vpc_id": arg(conv, p, "VpcId"),
        "vpc_endpoint_type": p["VpcEndpointType"],
        "service_name": arg(conv, p, "ServiceName"),
        "route_table_ids": arg(conv, p, "RouteTableIds", []),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::EC2::VPC": _vpc,
    "AWS::EC2::Subnet": _subnet,
    "AWS::EC2::InternetGateway": _igw,
    "AWS::EC2::RouteTable": _route_table,
    "AWS::EC2::Route": _route,
    "AWS::EC2::SubnetRouteTableAssociation": _association,
    "AWS::EC2::EIP": _eip,
    "AWS::EC2::NatGateway": _nat,
    "AWS::EC2::SecurityGroup": _security_group,
    "AWS::EC2::SecurityGroupIngress": _ingress,
    "AWS::EC2::VPCEndpoint": _endpoint,
}
