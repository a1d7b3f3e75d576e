"""Terraform for GuardDuty detectors, Shield Advanced protections, AWS Config's recorder (with the status resource
that starts it, which CloudFormation does on creation) and delivery channel, and CloudHSM clusters."""

from __future__ import annotations

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


def _detector(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "enable": p["Enable"],
        "finding_publishing_frequency": p["FindingPublishingFrequency"],
        **tags_arg(conv, p),
    }


def _protection(conv: Converter_, logical: str, p: Props) -> Props:
    return {"name": p["Name"], "resource_arn": arg(conv, p, "ResourceArn"), **tags_arg(conv, p)}


def _recorder(conv: Converter_, logical: str, p: Props) -> Props:
    group = p["RecordingGroup"]
    return {
        "role_arn": arg(conv, p, "RoleARN"),
        "recording_group": Block(
            "recording_group",
            (),
            present(
                {
                    "all_supported": group["AllSupported"],
                    "include_global_resource_types": group["IncludeGlobalResourceTypes"],
                    "resource_types": group.get("ResourceTypes"),
                }
            ),
        ),
    }


def _recorder_status(conv: Converter_, logical: str, p: Props) -> list[Block]:
    """CloudFormation starts the recorder it creates; the provider starts it with a resource of its own, once the
    delivery channel exists."""
    channels = [
        conv.address(name)
        for name, body in conv.resources.items()
        if body["Type"] == "AWS::Config::DeliveryChannel" and logical in (body.get("DependsOn") or [])
    ]
    body: Props = {"name": Expr(f"{conv.address(logical)}.name"), "is_enabled": True}
    if channels:
        body["depends_on"] = [Expr(address) for address in channels]
    return [split_resource(conv, logical, "aws_config_configuration_recorder_status", body)]


def _channel(conv: Converter_, logical: str, p: Props) -> Props:
    return {"s3_bucket_name": arg(conv, p, "S3BucketName")}


def _cloudhsm(conv: Converter_, logical: str, p: Props) -> Props:
    return {"hsm_type": p["HsmType"], "subnet_ids": arg(conv, p, "SubnetIds"), **tags_arg(conv, p)}


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::GuardDuty::Detector": _detector,
    "AWS::Shield::Protection": _protection,
    "AWS::Config::ConfigurationRecorder": _recorder,
    "AWS::Config::DeliveryChannel": _channel,
    "AWS::CloudHSM::Cluster": _cloudhsm,
}

# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::Config::ConfigurationRecorder": [_recorder_status]
}
