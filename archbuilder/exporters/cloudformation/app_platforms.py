"""CloudFormation for managed application platforms: EKS managed node groups (their role, scaling, and the rules of
their cluster's security group the nodes answer through) and Elastic Beanstalk applications with an environment
(tier, capacity, deployment policy, instance profile, service role, VPC placement, a worker's queue)."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.connectivity import linked
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref
from archbuilder.exporters.cloudformation.group_rules import declared_cidr_rules
from archbuilder.exporters.cloudformation.kit import (
    Renderer,
    assumable_role,
    by_hand,
    managed_policy,
    prop,
    service_role,
)
from archbuilder.exporters.cloudformation.network import target_port_of
from archbuilder.model import ServiceNode, SubnetNode, SubnetTier

NODE_POLICIES = ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy"]


def _node_group(ctx: CfnContext, node: ServiceNode) -> None:
    clusters = linked(ctx, node, "eks_cluster")
    if not clusters:
        by_hand(ctx, node, "connect the node group to its EKS cluster; it is not written without one")
        return
    cluster = ctx.lid(clusters[0])
    role = service_role(ctx, node, "ec2.amazonaws.com", [managed_policy(name) for name in NODE_POLICIES])
    ctx.add(
        ctx.lid(node),
        "AWS::EKS::Nodegroup",
        {
            "ClusterName": ref(cluster),
            "NodeRole": get_att(role, "Arn"),
            "Subnets": ctx.subnet_refs(node),
            "InstanceTypes": [str(prop(node, "instance_type", "t3.medium"))],
            "CapacityType": str(prop(node, "capacity_type", "ON_DEMAND")),
            "AmiType": str(prop(node, "ami_type", "AL2023_x86_64_STANDARD")),
            "DiskSize": int(prop(node, "volume_size_gb", 20)),
            "ScalingConfig": {
                "MinSize": int(prop(node, "min_size", 1)),
                "MaxSize": int(prop(node, "max_size", 3)),
                "DesiredSize": int(prop(node, "desired_capacity", 2)),
            },
            "UpdateConfig": {"MaxUnavailable": 1},
            "Tags": {"Name": node.label},
        },
    )
    _open_cluster_group(ctx, node, cluster)


def _open_cluster_group(ctx: CfnContext, node: ServiceNode, cluster: str) -> None:
    """Managed nodes take their cluster's security group: what reaches them is let in there."""
    group = get_att(cluster, "ClusterSecurityGroupId")
    for connection in ctx.graph.connections_of(node.id):
        if connection.target_id != node.id or connection.kind is not ConnectionKind.TRAFFIC:
            continue
        source = ctx.architecture.service(connection.source_id)
        port = connection.port or target_port_of(ctx, node)
        origin = (
            {"SourceSecurityGroupId": ref(ctx.security_groups[source.id])}
            if source.id in ctx.security_groups
            else {
                "CidrIp": str(
                    getattr(ctx.architecture.node(ctx.graph.placements[node.id].vpc_id or ""), "cidr", "")
                )
            }
        )
        ctx.add(
            ctx.lid(node, f"From{ctx.lid(source)}"),
            "AWS::EC2::SecurityGroupIngress",
            {
                "GroupId": group,
                "IpProtocol": "tcp",
                "FromPort": port if port is not None else 0,
                "ToPort": port if port is not None else 65535,
                "Description": f"from {source.label} to {node.label}",
                **origin,
            },
        )
    # Said to be the node group's own, as the import tells them from the cluster's (importers/service_readers.py).
    declared_cidr_rules(ctx, node, group, f"declared ingress rule of {node.label}")


# ---------------------------------------------------------------- Elastic Beanstalk


def _setting(namespace: str, name: str, value: Any) -> dict[str, Any]:
    return {"Namespace": namespace, "OptionName": name, "Value": value}


def _comma_joined(refs: list[Any]) -> dict[str, Any]:
    return {"Fn::Join": [",", refs]}


def _beanstalk_roles(ctx: CfnContext, node: ServiceNode, worker: bool) -> tuple[str, str]:
    """The instances' profile (web or worker tier policy) and Beanstalk's service role."""
    tier_policy = "AWSElasticBeanstalkWorkerTier" if worker else "AWSElasticBeanstalkWebTier"
    role = service_role(ctx, node, "ec2.amazonaws.com", [managed_policy(tier_policy)])
    profile = ctx.add(ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]})
    service = assumable_role(
        ctx,
        ctx.lid(node, "ServiceRole"),
        "elasticbeanstalk.amazonaws.com",
        [
            managed_policy("service-role/AWSElasticBeanstalkEnhancedHealth"),
            managed_policy("AWSElasticBeanstalkManagedUpdatesCustomerRolePolicy"),
        ],
    )
    return profile, service


def _vpc_settings(ctx: CfnContext, node: ServiceNode) -> list[dict[str, Any]]:
    vpc_id = ctx.graph.placements[node.id].vpc_id
    if vpc_id is None:
        return []  # the account's default VPC
    public = [
        ref(ctx.lid(subnet))
        for subnet in ctx.architecture.descendants(vpc_id)
        if isinstance(subnet, SubnetNode) and subnet.tier is SubnetTier.PUBLIC
    ]
    settings = [
        _setting("aws:ec2:vpc", "VPCId", ctx.vpc_ref(node)),
        _setting("aws:ec2:vpc", "Subnets", _comma_joined(ctx.subnet_refs(node))),
        _setting("aws:ec2:vpc", "AssociatePublicIpAddress", "false"),
        _setting("aws:autoscaling:launchconfiguration", "SecurityGroups", _comma_joined(ctx.sg_refs(node))),
    ]
    if public:
        settings.append(_setting("aws:ec2:vpc", "ELBSubnets", _comma_joined(public)))
    return settings


def _beanstalk(ctx: CfnContext, node: ServiceNode) -> None:
    worker = str(prop(node, "tier", "WebServer")) == "Worker"
    platform = str(prop(node, "platform", "python"))
    application = ctx.add(
        ctx.lid(node, "Application"),
        "AWS::ElasticBeanstalk::Application",
        {"Description": f"{node.label} ({platform})"},
    )
    written = str(prop(node, "solution_stack", "") or "")
    stack_parameter = f"{ctx.lid(node)}SolutionStack"
    if not written:
        by_hand(
            ctx,
            node,
            f"give the current {platform} solution stack as the parameter {stack_parameter} "
            "(aws elasticbeanstalk list-available-solution-stacks): their names change with every platform update",
        )
    profile, service = _beanstalk_roles(ctx, node, worker)
    settings = [
        _setting("aws:autoscaling:launchconfiguration", "IamInstanceProfile", ref(profile)),
        _setting("aws:elasticbeanstalk:environment", "ServiceRole", get_att(service, "Arn")),
        _setting("aws:ec2:instances", "InstanceTypes", str(prop(node, "instance_type", "t3.micro"))),
        _setting("aws:autoscaling:asg", "MinSize", str(prop(node, "min_size", 2))),
        _setting("aws:autoscaling:asg", "MaxSize", str(prop(node, "max_size", 4))),
        _setting(
            "aws:elasticbeanstalk:command",
            "DeploymentPolicy",
            str(prop(node, "deployment_policy", "Rolling")),
        ),
        *_vpc_settings(ctx, node),
    ]
    if not worker:
        settings.append(_setting("aws:elasticbeanstalk:environment", "LoadBalancerType", "application"))
    queues = linked(ctx, node, "sqs_queue")
    if worker and queues:
        settings.append(_setting("aws:elasticbeanstalk:sqsd", "WorkerQueueURL", ref(ctx.lid(queues[0]))))
    ctx.add(
        ctx.lid(node),
        "AWS::ElasticBeanstalk::Environment",
        {
            "ApplicationName": ref(application),
            "SolutionStackName": ctx.parameter(
                stack_parameter, "String", written or None, f"Solution stack of {node.label} ({platform})"
            ),
            "Tier": {"Name": "Worker", "Type": "SQS/HTTP"}
            if worker
            else {"Name": "WebServer", "Type": "Standard"},
            "OptionSettings": settings,
            "Tags": ctx.tags(node),
        },
    )
    if not worker:
        ctx.output(f"{ctx.lid(node)}Url", get_att(ctx.lid(node), "EndpointURL"), f"Endpoint of {node.label}")


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "eks_node_group": _node_group,
    "elastic_beanstalk": _beanstalk,
}
