"""CloudFormation for the container instances an ECS service on EC2 runs on: an Auto Scaling group of the
ECS-optimised Amazon Linux 2023 AMI that joins the cluster, a capacity provider on that group, and the cluster's
association with its providers.

The service names its capacity provider in a capacity provider strategy (not a launch type), and the provider
scales the group to the tasks placed on it (managed scaling) and keeps instances running tasks from being scaled
in (managed termination protection, which needs the group's own scale-in protection): Amazon ECS Developer Guide,
"Amazon ECS capacity providers for EC2 workloads", and the CloudFormation reference of AWS::ECS::CapacityProvider
AutoScalingGroupProvider, checked 2026-12-06."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.compute import launch_template
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    assumable_role,
    instance_type_parameter,
    managed_policy,
    prop,
)
from archbuilder.exporters.registry import ExportError
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode

# The public SSM parameter naming the current ECS-optimised Amazon Linux 2023 AMI (Amazon ECS Developer Guide,
# "Retrieving Amazon ECS-optimized Linux AMI metadata", checked 2026-12-06).
ECS_AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
# The catalog's default (resources/catalog/containers.yaml, ecs_service.instance_type).
DEFAULT_INSTANCE_TYPE = "t3.medium"
# The ECS-optimised AMI's root volume is 30 GiB; a launch template cannot ask for less than its snapshot.
ROOT_VOLUME_GB = 30


def on_ec2(node: ServiceNode) -> bool:
    """An ECS service whose tasks run on container instances of its own rather than on Fargate."""
    return node.type == "ecs_service" and prop(node, "launch_type") == "EC2"


def ec2_services(ctx: CfnContext) -> list[ServiceNode]:
    return [node for node in services_of_type(ctx.graph, "ecs_service") if on_ec2(node)]


def service_cluster(ctx: CfnContext) -> ServiceNode | None:
    """The cluster the design's services run in: its first ECS cluster (None: the account's default cluster)."""
    clusters = services_of_type(ctx.graph, "ecs_cluster")
    return clusters[0] if clusters else None


def association_id(ctx: CfnContext, cluster: ServiceNode) -> str:
    return ctx.lid(cluster, "CapacityProviders")


def _runs_ec2_services(ctx: CfnContext, cluster: ServiceNode) -> list[ServiceNode]:
    return ec2_services(ctx) if service_cluster(ctx) is cluster else []


def cluster_capacity(ctx: CfnContext, cluster: ServiceNode, providers: list[str]) -> dict[str, Any]:
    """The cluster's own capacity providers (`providers`, the design's Fargate ones), unless services on EC2 run
    in it: their providers name an Auto Scaling group whose instances name the cluster, so the cluster cannot name
    them back, and every provider is associated with it by a resource of its own (associate_capacity); naming
    them both ways would have each replace the other's list."""
    if not providers or _runs_ec2_services(ctx, cluster):
        return {}
    return {
        "CapacityProviders": providers,
        "DefaultCapacityProviderStrategy": [{"CapacityProvider": providers[0], "Weight": 1}],
    }


def associate_capacity(ctx: CfnContext, cluster: ServiceNode, providers: list[str]) -> None:
    """The association of the cluster with its Fargate providers and those of its services on EC2, the first
    one taking the tasks that name neither a launch type nor a provider."""
    services = _runs_ec2_services(ctx, cluster)
    if not services:
        return
    every: list[Any] = [*providers, *(ref(ctx.lid(service, "CapacityProvider")) for service in services)]
    ctx.add(
        association_id(ctx, cluster),
        "AWS::ECS::ClusterCapacityProviderAssociations",
        {
            "Cluster": ref(ctx.lid(cluster)),
            "CapacityProviders": every,
            "DefaultCapacityProviderStrategy": [{"CapacityProvider": every[0], "Weight": 1}],
        },
    )


def capacity_provider(ctx: CfnContext, node: ServiceNode) -> tuple[str, str]:
    """The service's container instances and the capacity provider on them: (provider, cluster association)."""
    cluster = service_cluster(ctx)
    if cluster is None:
        raise ExportError(
            f"{node.label}: an ECS service on EC2 needs an ECS cluster in the design for its container instances "
            "to join; add one, or set its launch type to FARGATE"
        )
    role = assumable_role(
        ctx,
        ctx.lid(node, "InstanceRole"),
        "ec2.amazonaws.com",
        [
            managed_policy("service-role/AmazonEC2ContainerServiceforEC2Role"),
            managed_policy("AmazonSSMManagedInstanceCore"),
        ],
    )
    profile = ctx.add(ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]})
    template = launch_template(
        ctx,
        node,
        profile,
        image=ctx.parameter(
            "EcsAmiId",
            "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
            ECS_AMI_PARAMETER,
            "AMI for ECS container instances (defaults to the latest ECS-optimised Amazon Linux 2023)",
        ),
        instance_type=instance_type_parameter(ctx, node, DEFAULT_INSTANCE_TYPE),
        security_groups=[ref(_instance_group(ctx, node))],
        user_data=sub(f"#!/bin/bash\necho ECS_CLUSTER=${{{ctx.lid(cluster)}}} >> /etc/ecs/ecs.config\n"),
        root_volume_gb=ROOT_VOLUME_GB,
    )
    group = _scaling_group(ctx, node, template)
    provider = ctx.add(
        ctx.lid(node, "CapacityProvider"),
        "AWS::ECS::CapacityProvider",
        {
            "AutoScalingGroupProvider": {
                "AutoScalingGroupArn": ref(group),
                "ManagedScaling": {"Status": "ENABLED", "TargetCapacity": 100},
                "ManagedTerminationProtection": "ENABLED",
            }
        },
    )
    return provider, association_id(ctx, cluster)


def _instance_group(ctx: CfnContext, node: ServiceNode) -> str:
    """The instances' own group, which lets nothing in: with awsvpc networking each task has a network interface
    of its own in the service's group, so the tasks' traffic never reaches the instance's interface."""
    return ctx.add(
        ctx.lid(node, "InstanceSecurityGroup"),
        "AWS::EC2::SecurityGroup",
        {
            "GroupDescription": f"Container instances of {node.label}",
            "VpcId": ctx.vpc_ref(node),
            "Tags": ctx.tags(node),
        },
    )


def _scaling_group(ctx: CfnContext, node: ServiceNode, template: str) -> str:
    """The container instances, in the service's subnets. The capacity provider sets the desired capacity, so
    none is written; each awsvpc task takes a network interface of its own, which a t3.medium has two of beside
    its own, so one instance per task is room enough for every task at the largest."""
    return ctx.add(
        ctx.lid(node, "Instances"),
        "AWS::AutoScaling::AutoScalingGroup",
        {
            "MinSize": "1",
            "MaxSize": str(max(int(prop(node, "desired_count", 2)), 1)),
            "VPCZoneIdentifier": ctx.subnet_refs(node),
            "LaunchTemplate": {
                "LaunchTemplateId": ref(template),
                "Version": get_att(template, "LatestVersionNumber"),
            },
            # Managed termination protection needs scale-in protection on the group's instances.
            "NewInstancesProtectedFromScaleIn": True,
            # ECS tags a group whose scaling it manages; written here too, so that a stack update keeps it.
            "Tags": [
                {"Key": "AmazonECSManaged", "Value": "true", "PropagateAtLaunch": True},
                *({**tag, "PropagateAtLaunch": True} for tag in ctx.tags(node)),
            ],
        },
    )
