"""Terraform for EKS managed node groups and Elastic Beanstalk applications and environments."""

from __future__ import annotations

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, tags_arg


def _short_name(conv: Converter_, logical: str, limit: int) -> Expr:
    """A prefixed name that fits `limit` characters (an environment name takes 40)."""
    prefix = limit // 2 - 1
    label = conv.names[logical][1].replace("_", "-")[: limit - prefix - 1].strip("-")
    return Expr(f'"${{trimsuffix(substr(var.name, 0, {prefix}), "-")}}-{label}"')


def _node_group(conv: Converter_, logical: str, p: Props) -> Props:
    scaling = p["ScalingConfig"]
    return {
        "cluster_name": arg(conv, p, "ClusterName"),
        "node_role_arn": arg(conv, p, "NodeRole"),
        "subnet_ids": arg(conv, p, "Subnets"),
        "instance_types": p["InstanceTypes"],
        "capacity_type": p["CapacityType"],
        "ami_type": p["AmiType"],
        "disk_size": p["DiskSize"],
        "scaling_config": Block(
            "scaling_config",
            (),
            {
                "desired_size": scaling["DesiredSize"],
                "max_size": scaling["MaxSize"],
                "min_size": scaling["MinSize"],
            },
        ),
        "update_config": Block("update_config", (), {"max_unavailable": p["UpdateConfig"]["MaxUnavailable"]}),
        # A node group's tags are a map on the CloudFormation side too.
        "tags": {key: conv.expr(value) for key, value in p["Tags"].items()},
    }


def _application(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": _short_name(conv, logical, 100), "description": p["Description"]}


def _environment(conv: Converter_, logical: str, p: Props) -> Props:
    tier = p["Tier"]
    return {
        "name": _short_name(conv, logical, 40),
        "application": arg(conv, p, "ApplicationName"),
        "solution_stack_name": arg(conv, p, "SolutionStackName"),
        "tier": tier["Name"],
        "setting": [
            Block(
                "setting",
                (),
                {
                    "namespace": item["Namespace"],
                    "name": item["OptionName"],
                    "value": conv.expr(item["Value"]),
                },
            )
            for item in p["OptionSettings"]
        ],
        **tags_arg(conv, p),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::EKS::Nodegroup": _node_group,
    "AWS::ElasticBeanstalk::Application": _application,
    "AWS::ElasticBeanstalk::Environment": _environment,
}
