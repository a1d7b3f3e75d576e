"""Terraform for CodeCommit repositories, CodeDeploy applications and deployment groups, CodePipeline pipelines and
nested CloudFormation stacks."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, present, tags_arg


def _text(conv: Converter_, value: Any) -> Any:
    """An action setting as the provider's string map holds it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return conv.expr(value)


def _repository(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "repository_name": arg(conv, p, "RepositoryName"),
            "description": p.get("RepositoryDescription"),
            **tags_arg(conv, p),
        }
    )


def _application(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": arg(conv, p, "ApplicationName"),
        "compute_platform": p["ComputePlatform"],
        **tags_arg(conv, p),
    }


def _deployment_group(conv: Converter_, logical: str, p: Props) -> Props:
    rollback, style = p.get("AutoRollbackConfiguration"), p.get("DeploymentStyle")
    return present(
        {
            "app_name": arg(conv, p, "ApplicationName"),
            "deployment_group_name": arg(conv, p, "DeploymentGroupName"),
            "service_role_arn": arg(conv, p, "ServiceRoleArn"),
            "deployment_config_name": p.get("DeploymentConfigName"),
            "autoscaling_groups": arg(conv, p, "AutoScalingGroups"),
            "auto_rollback_configuration": Block(
                "auto_rollback_configuration",
                (),
                present({"enabled": rollback["Enabled"], "events": rollback.get("Events")}),
            )
            if rollback
            else None,
            "deployment_style": Block(
                "deployment_style",
                (),
                {"deployment_type": style["DeploymentType"], "deployment_option": style["DeploymentOption"]},
            )
            if style
            else None,
            "ec2_tag_filter": [
                Block("ec2_tag_filter", (), {"key": f["Key"], "type": f["Type"], "value": f["Value"]})
                for f in p.get("Ec2TagFilters") or []
            ]
            or None,
        }
    )


def _action(conv: Converter_, action: Props) -> Block:
    kind = action["ActionTypeId"]
    return Block(
        "action",
        (),
        present(
            {
                "name": action["Name"],
                "category": kind["Category"],
                "owner": kind["Owner"],
                "provider": kind["Provider"],
                "version": kind["Version"],
                "configuration": {k: _text(conv, v) for k, v in action.get("Configuration", {}).items()}
                or None,
                "input_artifacts": [a["Name"] for a in action.get("InputArtifacts") or []] or None,
                "output_artifacts": [a["Name"] for a in action.get("OutputArtifacts") or []] or None,
            }
        ),
    )


def _pipeline(conv: Converter_, logical: str, p: Props) -> Props:
    store = p["ArtifactStore"]
    return {
        "name": arg(conv, p, "Name"),
        "role_arn": arg(conv, p, "RoleArn"),
        "pipeline_type": p["PipelineType"],
        "artifact_store": Block(
            "artifact_store", (), {"type": store["Type"], "location": arg(conv, store, "Location")}
        ),
        "stage": [
            Block(
                "stage", (), {"name": stage["Name"], "action": [_action(conv, a) for a in stage["Actions"]]}
            )
            for stage in p["Stages"]
        ],
        **tags_arg(conv, p),
    }


def _nested_stack(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        # The provider asks for the stack's name where CloudFormation derives a nested stack's.
        "name": Expr(f'"${{var.name}}-{conv.names[logical][1].replace("_", "-")[:90]}"'),
        "template_url": arg(conv, p, "TemplateURL"),
        **tags_arg(conv, p),
    }


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::CodeCommit::Repository": _repository,
    "AWS::CodeDeploy::Application": _application,
    "AWS::CodeDeploy::DeploymentGroup": _deployment_group,
    "AWS::CodePipeline::Pipeline": _pipeline,
    "AWS::CloudFormation::Stack": _nested_stack,
}
