"""Terraform for EMR clusters, their task groups and security configurations, and Data Pipeline pipelines, whose
definition (the pipeline objects) the aws provider keeps in a resource of its own."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import (
    BodyWriter,
    CompanionWriter,
    Props,
    arg,
    present,
    split_resource,
    tags_arg,
)


def _joined(conv: Converter_, groups: list[Any]) -> Expr | None:
    """The provider takes additional security groups as one comma-separated text."""
    if not groups:
        return None
    texts = [conv.expr(group).text for group in groups]
    return Expr(f'join(",", [{", ".join(texts)}])')


def _group(kind: str, group: Props) -> Block:
    return Block(
        kind,
        (),
        present(
            {
                "instance_type": group["InstanceType"],
                "instance_count": group["InstanceCount"],
                "bid_price": group.get("BidPrice"),
            }
        ),
    )


def _emr(conv: Converter_, logical: str, p: Props) -> Props:
    instances = p["Instances"]
    core = instances.get("CoreInstanceGroup")
    return present(
        {
            "name": arg(conv, p, "Name"),
            "release_label": p["ReleaseLabel"],
            "applications": [item["Name"] for item in p["Applications"]],
            "service_role": arg(conv, p, "ServiceRole"),
            "log_uri": p.get("LogUri"),
            "security_configuration": arg(conv, p, "SecurityConfiguration"),
            "visible_to_all_users": p.get("VisibleToAllUsers"),
            "keep_job_flow_alive_when_no_steps": instances.get("KeepJobFlowAliveWhenNoSteps"),
            "termination_protection": instances.get("TerminationProtected"),
            "auto_termination_policy": Block(
                "auto_termination_policy", (), {"idle_timeout": p["AutoTerminationPolicy"]["IdleTimeout"]}
            ),
            "ec2_attributes": Block(
                "ec2_attributes",
                (),
                present(
                    {
                        "subnet_id": arg(conv, instances, "Ec2SubnetId"),
                        "instance_profile": arg(conv, p, "JobFlowRole"),
                        "additional_master_security_groups": _joined(
                            conv, instances.get("AdditionalMasterSecurityGroups") or []
                        ),
                        "additional_slave_security_groups": _joined(
                            conv, instances.get("AdditionalSlaveSecurityGroups") or []
                        ),
                    }
                ),
            ),
            "master_instance_group": _group("master_instance_group", instances["MasterInstanceGroup"]),
            "core_instance_group": _group("core_instance_group", core) if core else None,
            **tags_arg(conv, p),
        }
    )


def _task_group(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "cluster_id": arg(conv, p, "JobFlowId"),
            "name": p.get("Name"),
            "instance_type": p["InstanceType"],
            "instance_count": p["InstanceCount"],
            "bid_price": p.get("BidPrice"),
        }
    )


def _security_configuration(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")}"'),
        "configuration": conv.json_expr(p["SecurityConfiguration"]),
    }


def _pipeline(conv: Converter_, logical: str, p: Props) -> Props:
    tags = p.get("PipelineTags")
    return present(
        {
            "name": arg(conv, p, "Name"),
            "description": p.get("Description"),
            "tags": {t["Key"]: conv.expr(t["Value"]) for t in tags} if tags else None,
        }
    )


def _pipeline_definition(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """The pipeline objects, each field a string or a reference to another object."""
    objects = [
        Block(
            "pipeline_object",
            (),
            {
                "id": item["Id"],
                "name": item["Name"],
                "field": [
                    Block(
                        "field",
                        (),
                        {"key": field["Key"], "ref_value": field["RefValue"]}
                        if "RefValue" in field
                        else {"key": field["Key"], "string_value": conv.expr(field["StringValue"])},
                    )
                    for field in item["Fields"]
                ],
            },
        )
        for item in p["PipelineObjects"]
    ]
    body = {"pipeline_id": Expr(f"{conv.address(logical)}.id"), "pipeline_object": objects}
    return [split_resource(conv, logical, "aws_datapipeline_pipeline_definition", body)]


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::EMR::Cluster": _emr,
    "AWS::EMR::InstanceGroupConfig": _task_group,
    "AWS::EMR::SecurityConfiguration": _security_configuration,
    "AWS::DataPipeline::Pipeline": _pipeline,
}

# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {"AWS::DataPipeline::Pipeline": [_pipeline_definition]}
