"""What a deploy in moto built, read back with boto3 describe calls and set beside what the design draws: subnets
in their availability zones, databases Multi-AZ across the design's zones, the security group chain of the
connections, a NAT gateway per zone that private subnets route through, and scaling groups with their scaling
policies. Each function returns the design's side and the deployed side in the same shape, for the test to
compare; the expectations come from the design, never from the template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture, AvailabilityZoneNode, NodeKind, ServiceNode, SubnetNode
from tests.exporters.cfn_tools import deployed_in_moto

Pair = tuple[Any, Any]


def region_of(arch: Architecture) -> str:
    return next(n.region for n in arch.nodes.values() if n.kind == NodeKind.REGION)  # type: ignore[union-attr]


def deploy(
    arch: Architecture, stack: str, edit: Callable[[dict[str, Any]], None] | None = None
) -> dict[str, str]:
    """Create the design's stack in moto (inside mock_aws); the logical id -> physical id of what was created.
    `edit` changes the template first (a test's way to deploy something other than the design)."""
    template = build_template(arch)
    if edit is not None:
        edit(template)
    region = region_of(arch)
    _deployable, resources = deployed_in_moto(template, stack, region)
    physical = {
        r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources if "PhysicalResourceId" in r
    }
    _put_scaling_policies(template, physical, region)
    return physical


def _put_scaling_policies(template: dict[str, Any], physical: dict[str, str], region: str) -> None:
    """moto's CloudFormation has no scaling policies (moto_stand_ins.py): each is put through the Auto Scaling
    API with the template's properties, on the group the stack created, so that describe_policies reads it."""
    autoscaling = boto3.client("autoscaling", region_name=region)
    for logical, body in template["Resources"].items():
        if body["Type"] != "AWS::AutoScaling::ScalingPolicy":
            continue
        props = body["Properties"]
        autoscaling.put_scaling_policy(
            AutoScalingGroupName=physical[props["AutoScalingGroupName"]["Ref"]],
            PolicyName=logical,
            PolicyType=props["PolicyType"],
            TargetTrackingConfiguration=props["TargetTrackingConfiguration"],
        )


def _zone(arch: Architecture, node_id: str) -> str:
    zone = arch.enclosing(node_id, NodeKind.AZ)
    assert isinstance(zone, AvailabilityZoneNode)
    return zone.zone


def _in_subnets(arch: Architecture, kind: str) -> list[ServiceNode]:
    return [
        s
        for s in arch.services()
        if s.type == kind and isinstance(arch.nodes.get(s.parent_id or ""), SubnetNode)
    ]


def subnets_per_zone(arch: Architecture, region: str) -> Pair:
    """zone -> sorted CIDRs of its subnets, as drawn and as deployed."""
    drawn: dict[str, list[str]] = {}
    for node in arch.nodes.values():
        if isinstance(node, SubnetNode):
            drawn.setdefault(_zone(arch, node.id), []).append(node.cidr)
    deployed: dict[str, list[str]] = {}
    ec2 = boto3.client("ec2", region_name=region)
    vpcs = {v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")}
    for subnet in ec2.describe_subnets()["Subnets"]:
        if subnet["VpcId"] in vpcs:
            deployed.setdefault(subnet["AvailabilityZone"], []).append(subnet["CidrBlock"])
    return _sorted_values(drawn), _sorted_values(deployed)


def databases_multi_az(arch: Architecture, region: str) -> Pair:
    """database label -> (Multi-AZ, the zones its subnet group spans), as drawn and as deployed."""
    drawn = {
        s.label: (
            bool(s.properties.get("multi_az")),
            sorted({_zone(arch, i) for i in [s.parent_id, *s.extra_subnet_ids] if i}),
        )
        for s in _in_subnets(arch, "rds_instance")
    }
    rds = boto3.client("rds", region_name=region)
    deployed = {}
    for instance in rds.describe_db_instances()["DBInstances"]:
        tags = {t["Key"]: t["Value"] for t in instance.get("TagList", [])}
        zones = sorted({s["SubnetAvailabilityZone"]["Name"] for s in instance["DBSubnetGroup"]["Subnets"]})
        deployed[tags.get("Name")] = (instance["MultiAZ"], zones)
    return drawn, deployed


def security_group_chain(arch: Architecture, region: str) -> Pair:
    """(source label, target label) of every connection between services that have security groups, as drawn,
    and of every rule of a deployed group that admits another group, as deployed."""
    ec2 = boto3.client("ec2", region_name=region)
    groups = [g for g in ec2.describe_security_groups()["SecurityGroups"] if g["GroupName"] != "default"]
    label_of = {g["GroupId"]: {t["Key"]: t["Value"] for t in g.get("Tags", [])}.get("Name") for g in groups}
    deployed = sorted(
        {
            (label_of[pair["GroupId"]], label_of[group["GroupId"]])
            for group in groups
            for permission in group["IpPermissions"]
            for pair in permission.get("UserIdGroupPairs", [])
            if pair["GroupId"] in label_of
        }
    )
    with_groups = set(label_of.values())
    drawn = sorted(
        {
            (arch.node(c.source_id).label, arch.node(c.target_id).label)
            for c in arch.connections.values()
            if {arch.node(c.source_id).label, arch.node(c.target_id).label} <= with_groups
        }
    )
    return drawn, deployed


def nat_per_zone(arch: Architecture, region: str) -> Pair:
    """zone -> the zones of the NAT gateways its private subnets' default routes go through, as drawn (the NAT
    gateway of the subnet's own zone, where the design has one there) and as deployed."""
    nat_zones = sorted({_zone(arch, s.parent_id or "") for s in _in_subnets(arch, "nat_gateway")})
    drawn: dict[str, list[str]] = {}
    for node in arch.nodes.values():
        if isinstance(node, SubnetNode) and node.tier.value == "private" and nat_zones:
            zone = _zone(arch, node.id)
            drawn.setdefault(zone, []).append(zone if zone in nat_zones else "elsewhere")
    ec2 = boto3.client("ec2", region_name=region)
    subnet_zone = {s["SubnetId"]: s["AvailabilityZone"] for s in ec2.describe_subnets()["Subnets"]}
    nat_zone = {
        n["NatGatewayId"]: subnet_zone[n["SubnetId"]] for n in ec2.describe_nat_gateways()["NatGateways"]
    }
    exits = {
        table["RouteTableId"]: route["NatGatewayId"]
        for table in ec2.describe_route_tables()["RouteTables"]
        for route in table["Routes"]
        if route.get("DestinationCidrBlock") == "0.0.0.0/0" and "NatGatewayId" in route
    }
    deployed: dict[str, list[str]] = {}
    for subnet, table in route_table_of_subnets(region).items():
        if table in exits:
            zone, where = subnet_zone[subnet], nat_zone[exits[table]]
            deployed.setdefault(zone, []).append(
                where if where == zone or zone not in nat_zones else "elsewhere"
            )
    return _sorted_values(drawn), _sorted_values(deployed)


def route_table_of_subnets(region: str) -> dict[str, str]:
    """subnet id -> its route table. moto keeps the associations its CloudFormation makes apart from the route
    tables, where describe_route_tables does not list them (moto_stand_ins.py): they are read from its EC2
    backend."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ec2.models import ec2_backends

    ec2 = boto3.client("ec2", region_name=region)
    found = {
        a["SubnetId"]: table["RouteTableId"]
        for table in ec2.describe_route_tables()["RouteTables"]
        for a in table.get("Associations", [])
        if a.get("SubnetId")
    }
    for association in ec2_backends[DEFAULT_ACCOUNT_ID][region].subnet_associations.values():
        found[association.subnet_id] = association.route_table_id
    return found


def scaling_groups(arch: Architecture, region: str) -> Pair:
    """group label -> (min, max, zones, target CPU of its target tracking policy), as drawn and as deployed."""
    drawn = {
        s.label: (
            s.properties["min_size"],
            s.properties["max_size"],
            sorted({_zone(arch, i) for i in [s.parent_id, *s.extra_subnet_ids] if i}),
            _setting(arch, s, "target_cpu_percent"),
        )
        for s in _in_subnets(arch, "autoscaling_group")
    }
    autoscaling = boto3.client("autoscaling", region_name=region)
    ec2 = boto3.client("ec2", region_name=region)
    subnet_zone = {s["SubnetId"]: s["AvailabilityZone"] for s in ec2.describe_subnets()["Subnets"]}
    deployed = {}
    for group in autoscaling.describe_auto_scaling_groups()["AutoScalingGroups"]:
        name = {t["Key"]: t["Value"] for t in group.get("Tags", [])}.get("Name")
        policies = autoscaling.describe_policies(AutoScalingGroupName=group["AutoScalingGroupName"])[
            "ScalingPolicies"
        ]
        targets = [
            p["TargetTrackingConfiguration"]["TargetValue"]
            for p in policies
            if p["PolicyType"] == "TargetTrackingScaling"
        ]
        zones = sorted({subnet_zone[i] for i in group["VPCZoneIdentifier"].split(",")})
        deployed[name] = (
            group["MinSize"],
            group["MaxSize"],
            zones,
            targets[0] if len(targets) == 1 else targets,
        )
    return drawn, deployed


def _setting(arch: Architecture, service: ServiceNode, name: str) -> Any:
    """The service's value, or the catalog's default where the design leaves it unset."""
    if name in service.properties:
        return service.properties[name]
    spec = arch.catalog.get(service.type).property_spec(name)
    return spec.default if spec is not None else None


def _sorted_values(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: sorted(values) for key, values in sorted(found.items())}
