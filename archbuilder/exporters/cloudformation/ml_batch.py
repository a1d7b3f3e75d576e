"""CloudFormation for machine learning and batch compute: SageMaker endpoints (model, endpoint configuration,
endpoint and its auto scaling) and notebook instances, and AWS Batch compute environments with their job queue.
Each gets an execution role of its own; connections to it grant its callers, and its own connections grant it."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import (
    VPC_ACCESS,
    Renderer,
    assumable_role,
    by_hand,
    managed_policy,
    own_key,
    prop,
    s3_arn,
    service_role,
    waits_for_policy,
)
from archbuilder.model import ServiceNode

SAGEMAKER = "sagemaker.amazonaws.com"
ECR_PULL = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
LOG_WRITES = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
SAGEMAKER_LOGS = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/*"


def _in_vpc(ctx: CfnContext, node: ServiceNode) -> bool:
    return ctx.graph.placements[node.id].vpc_id is not None


def _sagemaker_role(ctx: CfnContext, node: ServiceNode) -> str:
    """The role SageMaker runs the node's containers or notebook as: its logs, and its network interfaces in a VPC."""
    role = service_role(ctx, node, SAGEMAKER)
    ctx.allow(node, LOG_WRITES, sub(SAGEMAKER_LOGS))
    ctx.allow(node, ["cloudwatch:PutMetricData"], "*")
    if _in_vpc(ctx, node):
        ctx.allow(node, VPC_ACCESS, "*")
    return role


def _image(ctx: CfnContext, node: ServiceNode) -> dict[str, str]:
    written = str(prop(node, "model_image", "") or "")
    name = f"{ctx.lid(node)}ModelImage"
    if not written:
        by_hand(ctx, node, f"choose the image that serves the model and give it as the parameter {name}")
    return ctx.parameter(
        name, "String", written or None, f"Container image serving the model of {node.label}"
    )


def _sagemaker_endpoint(ctx: CfnContext, node: ServiceNode) -> None:
    role = _sagemaker_role(ctx, node)
    ctx.allow(node, ["ecr:GetAuthorizationToken"], "*")
    ctx.allow(node, ECR_PULL, sub("arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/*"))
    container: dict[str, Any] = {"Image": _image(ctx, node)}
    data = str(prop(node, "model_data_url", "") or "")
    if data:
        container["ModelDataUrl"] = data
        if s3_arn(data):
            ctx.allow(node, ["s3:GetObject"], s3_arn(data))
    model_props: dict[str, Any] = {"ExecutionRoleArn": get_att(role, "Arn"), "PrimaryContainer": container}
    if _in_vpc(ctx, node):
        model_props["VpcConfig"] = {"Subnets": ctx.subnet_refs(node), "SecurityGroupIds": ctx.sg_refs(node)}
    # SageMaker checks the role's permissions when it creates the model.
    model = ctx.add(ctx.lid(node, "Model"), "AWS::SageMaker::Model", {**model_props, "Tags": ctx.tags(node)})
    waits_for_policy(ctx, model, role)
    variant = str(prop(node, "variant_name", "AllTraffic"))
    count = int(prop(node, "instance_count", 1))
    config_props: dict[str, Any] = {
        "ProductionVariants": [
            {
                "VariantName": variant,
                "ModelName": get_att(model, "ModelName"),
                "InitialInstanceCount": count,
                "InstanceType": ctx.parameter(
                    f"{ctx.lid(node)}InstanceType",
                    "String",
                    str(prop(node, "instance_type", "ml.m5.large")),
                    f"Inference instance type of {node.label}",
                ),
                "InitialVariantWeight": float(prop(node, "initial_variant_weight", 1.0)),
            }
        ],
        "Tags": ctx.tags(node),
    }
    if prop(node, "encrypted", True):
        config_props["KmsKeyId"] = get_att(own_key(ctx, node, "the ML storage volumes"), "Arn")
    config = ctx.add(ctx.lid(node, "Config"), "AWS::SageMaker::EndpointConfig", config_props)
    endpoint = ctx.add(
        ctx.lid(node),
        "AWS::SageMaker::Endpoint",
        {"EndpointConfigName": get_att(config, "EndpointConfigName"), "Tags": ctx.tags(node)},
    )
    ceiling = int(prop(node, "max_instance_count", 1))
    if ceiling > count:
        _endpoint_scaling(ctx, node, endpoint, variant, count, ceiling)
    ctx.output(f"{endpoint}Name", get_att(endpoint, "EndpointName"), f"Endpoint name of {node.label}")


def _endpoint_scaling(
    ctx: CfnContext, node: ServiceNode, endpoint: str, variant: str, low: int, high: int
) -> None:
    """Target tracking on invocations per instance, between the instance count and its ceiling."""
    target = ctx.add(
        ctx.lid(node, "ScalableTarget"),
        "AWS::ApplicationAutoScaling::ScalableTarget",
        {
            "ServiceNamespace": "sagemaker",
            "ResourceId": sub(f"endpoint/${{{endpoint}.EndpointName}}/variant/{variant}"),
            "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",
            "MinCapacity": low,
            "MaxCapacity": high,
        },
    )
    ctx.add(
        ctx.lid(node, "ScalingPolicy"),
        "AWS::ApplicationAutoScaling::ScalingPolicy",
        {
            "PolicyName": sub(f"${{AWS::StackName}}-{ctx.lid(node)}-invocations"),
            "PolicyType": "TargetTrackingScaling",
            "ScalingTargetId": ref(target),
            "TargetTrackingScalingPolicyConfiguration": {
                "TargetValue": float(prop(node, "target_invocations_per_instance", 1000)),
                "PredefinedMetricSpecification": {
                    "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"
                },
            },
        },
    )


def _sagemaker_notebook(ctx: CfnContext, node: ServiceNode) -> None:
    role = _sagemaker_role(ctx, node)
    props: dict[str, Any] = {
        "InstanceType": ctx.parameter(
            f"{ctx.lid(node)}InstanceType",
            "String",
            str(prop(node, "instance_type", "ml.t3.medium")),
            f"Instance type of {node.label}",
        ),
        "RoleArn": get_att(role, "Arn"),
        "VolumeSizeInGB": int(prop(node, "volume_size_gb", 5)),
        "RootAccess": "Enabled" if prop(node, "root_access", False) else "Disabled",
        "InstanceMetadataServiceConfiguration": {"MinimumInstanceMetadataServiceVersion": "2"},
        "Tags": ctx.tags(node),
    }
    if prop(node, "encrypted", True):
        props["KmsKeyId"] = get_att(own_key(ctx, node, "the notebook's storage volume"), "Arn")
    direct = bool(prop(node, "direct_internet_access", False))
    if _in_vpc(ctx, node):
        props["SubnetId"] = ctx.subnet_refs(node)[0]
        props["SecurityGroupIds"] = ctx.sg_refs(node)
        props["DirectInternetAccess"] = "Enabled" if direct else "Disabled"
    elif not direct:
        by_hand(
            ctx,
            node,
            "place the notebook in a subnet to take its internet access away: outside a VPC SageMaker always gives "
            "it one",
        )
    notebook = ctx.add(ctx.lid(node), "AWS::SageMaker::NotebookInstance", props)
    waits_for_policy(ctx, notebook, role)


def _batch_environment(ctx: CfnContext, node: ServiceNode) -> None:
    managed = bool(prop(node, "managed", True))
    if managed and not _in_vpc(ctx, node):
        by_hand(
            ctx,
            node,
            "place the compute environment in subnets: AWS Batch launches its instances or tasks in a VPC; "
            "neither it nor its job queue is written",
        )
        return
    # Batch's own role, stated rather than left to the service-linked one, so the template says what Batch may do.
    service = assumable_role(
        ctx,
        ctx.lid(node, "ServiceRole"),
        "batch.amazonaws.com",
        [managed_policy("service-role/AWSBatchServiceRole")],
    )
    props: dict[str, Any] = {
        "Type": "MANAGED" if managed else "UNMANAGED",
        "State": "ENABLED",
        "ServiceRole": get_att(service, "Arn"),
    }
    if managed:
        props["ComputeResources"] = _compute_resources(ctx, node)
    else:
        by_hand(ctx, node, "register the container instances of your own with the environment's ECS cluster")
    environment = ctx.add(ctx.lid(node), "AWS::Batch::ComputeEnvironment", props)
    ctx.add(
        ctx.lid(node, "Queue"),
        "AWS::Batch::JobQueue",
        {
            "Priority": 1,
            "State": "ENABLED",
            "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": ref(environment)}],
        },
    )


def _compute_resources(ctx: CfnContext, node: ServiceNode) -> dict[str, Any]:
    kind = str(prop(node, "resource_type", "FARGATE"))
    resources: dict[str, Any] = {
        "Type": kind,
        "MaxvCpus": int(prop(node, "max_vcpus", 16)),
        "Subnets": ctx.subnet_refs(node),
        "SecurityGroupIds": ctx.sg_refs(node),
    }
    if kind in ("EC2", "SPOT"):
        # The instances join the environment's ECS cluster as this role; jobs get roles of their own.
        role = service_role(
            ctx,
            node,
            "ec2.amazonaws.com",
            [managed_policy("service-role/AmazonEC2ContainerServiceforEC2Role")],
        )
        profile = ctx.add(
            ctx.lid(node, "InstanceProfile"), "AWS::IAM::InstanceProfile", {"Roles": [ref(role)]}
        )
        resources |= {
            "MinvCpus": int(prop(node, "min_vcpus", 0)),
            "InstanceTypes": [str(t) for t in prop(node, "instance_types", ["optimal"])],
            "InstanceRole": get_att(profile, "Arn"),
            "AllocationStrategy": "SPOT_CAPACITY_OPTIMIZED" if kind == "SPOT" else "BEST_FIT_PROGRESSIVE",
        }
    return resources


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "sagemaker_endpoint": _sagemaker_endpoint,
    "sagemaker_notebook": _sagemaker_notebook,
    "batch_compute_environment": _batch_environment,
}
