"""Terraform for the network: VPCs, subnets, gateways, routes, security groups and endpoints."""

from __future__ import annotations

from archbuilder.exporters.hcl_writer import Block
from archbuilder.exporters.terraform_convert import Converter_
from archbuilder.exporters.terraform_resources import Props, _e, _keep, _tags, writes


@writes("AWS::EC2::VPC")
def _vpc(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "cidr_block": p["CidrBlock"],
        "enable_dns_support": True,
        "enable_dns_hostnames": True,
        **_tags(conv, p),
    }


@writes("AWS::EC2::Subnet")
def _subnet(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "vpc_id": _e(conv, p, "VpcId"),
        "cidr_block": p["CidrBlock"],
        "availability_zone": _e(conv, p, "AvailabilityZone"),
        "map_public_ip_on_launch": p.get("MapPublicIpOnLaunch", False),
        **_tags(conv, p),
    }


@writes("AWS::EC2::InternetGateway")
def _igw(conv: Converter_, logical: str, p: Props) -> Props:
    # The VPC attachment is an argument here rather than a resource of its own.
    attachment = next(
        body
        for body in conv.resources.values()
        if body["Type"] == "AWS::EC2::VPCGatewayAttachment"
        and body["Properties"]["InternetGatewayId"] == {"Ref": logical}
    )
    return {"vpc_id": conv.expr(attachment["Properties"]["VpcId"]), **_tags(conv, p)}


@writes("AWS::EC2::RouteTable")
def _route_table(conv: Converter_, logical: str, p: Props) -> Props:
    return {"vpc_id": _e(conv, p, "VpcId"), **_tags(conv, p)}


@writes("AWS::EC2::Route")
def _route(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "route_table_id": _e(conv, p, "RouteTableId"),
            "destination_cidr_block": p["DestinationCidrBlock"],
            "gateway_id": _e(conv, p, "GatewayId"),
            "nat_gateway_id": _e(conv, p, "NatGatewayId"),
        }
    )


@writes("AWS::EC2::SubnetRouteTableAssociation")
def _association(conv: Converter_, logical: str, p: Props) -> Props:
    return {"subnet_id": _e(conv, p, "SubnetId"), "route_table_id": _e(conv, p, "RouteTableId")}


@writes("AWS::EC2::EIP")
def _eip(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep({"domain": "vpc", "instance": _e(conv, p, "InstanceId"), **_tags(conv, p)})


@writes("AWS::EC2::NatGateway")
def _nat(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "connectivity_type": p.get("ConnectivityType"),
            "allocation_id": _e(conv, p, "AllocationId"),
            "subnet_id": _e(conv, p, "SubnetId"),
            **_tags(conv, p),
        }
    )


@writes("AWS::EC2::SecurityGroup")
def _security_group(conv: Converter_, logical: str, p: Props) -> Props:
    body: Props = {"description": p["GroupDescription"], "vpc_id": _e(conv, p, "VpcId")}
    body["ingress"] = [
        Block(
            "ingress",
            (),
            _keep(
                {
                    "description": rule.get("Description"),
                    "protocol": str(rule["IpProtocol"]),
                    "from_port": rule["FromPort"],
                    "to_port": rule["ToPort"],
                    "cidr_blocks": [rule["CidrIp"]],
                }
            ),
        )
        for rule in p.get("SecurityGroupIngress", [])
    ] or None
    body["egress"] = Block(
        "egress",
        (),
        {
            "description": "all outbound",
            "protocol": "-1",
            "from_port": 0,
            "to_port": 0,
            "cidr_blocks": ["0.0.0.0/0"],
        },
    )
    return _keep({**body, **_tags(conv, p)})


@writes("AWS::EC2::SecurityGroupIngress")
def _ingress(conv: Converter_, logical: str, p: Props) -> Props:
    return _keep(
        {
            "security_group_id": _e(conv, p, "GroupId"),
            "description": p.get("Description"),
            "ip_protocol": p["IpProtocol"],
            "from_port": p["FromPort"],
            "to_port": p["ToPort"],
            "cidr_ipv4": p.get("CidrIp"),
            "referenced_security_group_id": _e(conv, p, "SourceSecurityGroupId"),
        }
    )


@writes("AWS::EC2::VPCEndpoint")
def _endpoint(conv: Converter_, logical: str, p: Props) -> Props:
    if p["VpcEndpointType"] == "Interface":
        return {
            "vpc_id": _e(conv, p, "VpcId"),
            "vpc_endpoint_type": "Interface",
            "service_name": _e(conv, p, "ServiceName"),
            "subnet_ids": _e(conv, p, "SubnetIds", []),
            "security_group_ids": _e(conv, p, "SecurityGroupIds", []),
            "private_dns_enabled": p.get("PrivateDnsEnabled", True),
        }
    return {
        "vpc_id": _e(conv, p, "VpcId"),
        "vpc_endpoint_type": p["VpcEndpointType"],
        "service_name": _e(conv, p, "ServiceName"),
        "route_table_ids": _e(conv, p, "RouteTableIds", []),
    }
