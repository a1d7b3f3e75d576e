"""Terraform for SageMaker models, endpoint configurations, endpoints, their auto scaling and notebook instances,
and AWS Batch compute environments, job queues and job definitions."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, present, tags_arg


def prefixed(conv: Converter_, logical: str, limit: int = 63) -> Expr:
    """`"${var.name}-<resource>"`, cut to what the name may hold (a 32-character prefix leaves limit - 33)."""
    return Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")[: limit - 33].strip("-")}"')


def _model(conv: Converter_, logical: str, p: Props) -> Props:
    container, vpc = p["PrimaryContainer"], p.get("VpcConfig")
    return present(
        {
            "execution_role_arn": arg(conv, p, "ExecutionRoleArn"),
            "primary_container": Block(
                "primary_container",
                (),
                present(
                    {"image": arg(conv, container, "Image"), "model_data_url": container.get("ModelDataUrl")}
                ),
            ),
            "vpc_config": Block(
                "vpc_config",
                (),
                {
                    "subnets": conv.expr(vpc["Subnets"]),
                    "security_group_ids": conv.expr(vpc["SecurityGroupIds"]),
                },
            )
            if vpc
            else None,
            **tags_arg(conv, p),
        }
    )


def _endpoint_config(conv: Converter_, logical: str, p: Props) -> Props:
    variants = [
        Block(
            "production_variants",
            (),
            {
                "variant_name": variant["VariantName"],
                "model_name": conv.expr(variant["ModelName"]),
                "initial_instance_count": variant["InitialInstanceCount"],
                "instance_type": conv.expr(variant["InstanceType"]),
                "initial_variant_weight": variant["InitialVariantWeight"],
            },
        )
        for variant in p["ProductionVariants"]
    ]
    return present(
        {"kms_key_arn": arg(conv, p, "KmsKeyId"), "production_variants": variants, **tags_arg(conv, p)}
    )


def _endpoint(conv: Converter_, logical: str, p: Props) -> Props:
    return {"endpoint_config_name": arg(conv, p, "EndpointConfigName"), **tags_arg(conv, p)}


def _scalable_target(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "service_namespace": p["ServiceNamespace"],
        "resource_id": arg(conv, p, "ResourceId"),
        "scalable_dimension": p["ScalableDimension"],
        "min_capacity": p["MinCapacity"],
        "max_capacity": p["MaxCapacity"],
    }


def _scaling_policy(conv: Converter_, logical: str, p: Props) -> Props:
    """The provider names the target by its resource, dimension and namespace, read from the target."""
    target = p["ScalingTargetId"]["Ref"]
    address = conv.address(target)
    tracking = p["TargetTrackingScalingPolicyConfiguration"]
    metric = tracking["PredefinedMetricSpecification"]
    return {
        "name": arg(conv, p, "PolicyName"),
        "policy_type": p["PolicyType"],
        "service_namespace": Expr(f"{address}.service_namespace"),
        "resource_id": Expr(f"{address}.resource_id"),
        "scalable_dimension": Expr(f"{address}.scalable_dimension"),
        "target_tracking_scaling_policy_configuration": Block(
            "target_tracking_scaling_policy_configuration",
            (),
            {
                "target_value": tracking["TargetValue"],
                "predefined_metric_specification": Block(
                    "predefined_metric_specification",
                    (),
                    {"predefined_metric_type": metric["PredefinedMetricType"]},
                ),
            },
        ),
    }


def _notebook(conv: Converter_, logical: str, p: Props) -> Props:
    metadata = p.get("InstanceMetadataServiceConfiguration")
    return present(
        {
            # The provider asks for a name where CloudFormation makes one up.
            "name": prefixed(conv, logical),
            "instance_type": arg(conv, p, "InstanceType"),
            "role_arn": arg(conv, p, "RoleArn"),
            "volume_size": p.get("VolumeSizeInGB"),
            "root_access": p.get("RootAccess"),
            "kms_key_id": arg(conv, p, "KmsKeyId"),
            "subnet_id": arg(conv, p, "SubnetId"),
            "security_groups": arg(conv, p, "SecurityGroupIds"),
            "direct_internet_access": p.get("DirectInternetAccess"),
            "instance_metadata_service_configuration": Block(
                "instance_metadata_service_configuration",
                (),
                {
                    "minimum_instance_metadata_service_version": metadata[
                        "MinimumInstanceMetadataServiceVersion"
                    ]
                },
            )
            if metadata
            else None,
            **tags_arg(conv, p),
        }
    )


def _batch_environment(conv: Converter_, logical: str, p: Props) -> Props:
    resources = p.get("ComputeResources")
    return present(
        {
            "compute_environment_name": prefixed(conv, logical, 128),
            "type": p["Type"],
            "state": p.get("State"),
            "service_role": arg(conv, p, "ServiceRole"),
            "compute_resources": Block(
                "compute_resources",
                (),
                present(
                    {
                        "type": resources["Type"],
                        "max_vcpus": resources["MaxvCpus"],
                        "min_vcpus": resources.get("MinvCpus"),
                        "instance_type": resources.get("InstanceTypes"),
                        "instance_role": arg(conv, resources, "InstanceRole"),
                        "allocation_strategy": resources.get("AllocationStrategy"),
                        "subnets": conv.expr(resources["Subnets"]),
                        "security_group_ids": arg(conv, resources, "SecurityGroupIds"),
                    }
                ),
            )
            if resources
            else None,
        }
    )


def _job_queue(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": prefixed(conv, logical, 128),
        "state": p["State"],
        "priority": p["Priority"],
        "compute_environment_order": [
            Block(
                "compute_environment_order",
                (),
                {"order": item["Order"], "compute_environment": conv.expr(item["ComputeEnvironment"])},
            )
            for item in p["ComputeEnvironmentOrder"]
        ],
    }


def _job_definition(conv: Converter_, logical: str, p: Props) -> Props:
    """The container's properties as Batch's own JSON (camel case), as the provider takes them."""
    container = p["ContainerProperties"]
    properties = {
        "image": container["Image"],
        "resourceRequirements": [
            {"type": item["Type"], "value": item["Value"]} for item in container["ResourceRequirements"]
        ],
    }
    if "ExecutionRoleArn" in container:
        properties["executionRoleArn"] = container["ExecutionRoleArn"]
    return {
        "name": prefixed(conv, logical, 128),
        "type": p["Type"],
        "platform_capabilities": p["PlatformCapabilities"],
        "container_properties": conv.json_expr(properties),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::SageMaker::Model": _model,
    "AWS::SageMaker::EndpointConfig": _endpoint_config,
    "AWS::SageMaker::Endpoint": _endpoint,
    "AWS::ApplicationAutoScaling::ScalableTarget": _scalable_target,
    "AWS::ApplicationAutoScaling::ScalingPolicy": _scaling_policy,
    "AWS::SageMaker::NotebookInstance": _notebook,
    "AWS::Batch::ComputeEnvironment": _batch_environment,
    "AWS::Batch::JobQueue": _job_queue,
    "AWS::Batch::JobDefinition": _job_definition,
}
