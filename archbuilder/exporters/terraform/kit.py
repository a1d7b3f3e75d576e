"""What the Terraform writers share: the writer signatures and helpers for arguments, tags and split resources."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.model.naming import snake

Props = dict[str, Any]
# Writes the arguments of the Terraform resource that one CloudFormation resource becomes.
BodyWriter = Callable[[Converter_, str, Props], Props]
# Writes whole blocks: a resource's own block, or the resources the aws provider splits out of it.
BlockWriter = Callable[[Converter_, str, Props], list[Block]]
CompanionWriter = BlockWriter


def resource_block(function: BodyWriter) -> BlockWriter:
    """The block writer of a resource whose arguments `function` writes, named as the converter named it."""

    def write(conv: Converter_, logical: str, props: Props) -> list[Block]:
        tf_type, name = conv.names[logical]
        return [Block("resource", (tf_type, name), function(conv, logical, props))]

    return write


def tag_value(conv: Converter_, tag: Props) -> Any:
    """A tag's value; the environment's, where it is the provider's default, from the variable it comes from."""
    if tag["Key"] == "Environment" and conv.default_tags.get("Environment") == tag["Value"]:
        return Expr("var.environment")
    return conv.expr(tag["Value"])


def tags_arg(conv: Converter_, props: Props) -> Props:
    """A resource's tags, less those the provider's default_tags give every resource the same."""
    tags = [t for t in props.get("Tags") or [] if conv.default_tags.get(t["Key"]) != t["Value"]]
    return {"tags": {t["Key"]: conv.expr(t["Value"]) for t in tags}} if tags else {}


def arg(conv: Converter_, props: Props, key: str, default: Any = None) -> Any:
    return conv.expr(props[key]) if key in props else default


def present(items: Props) -> Props:
    return {k: v for k, v in items.items() if v is not None}


def split_resource(conv: Converter_, logical: str, tf_type: str, body: Props, suffix: str = "") -> Block:
    """A resource the aws provider splits out of the CloudFormation resource `logical`, named after it (plus
    `suffix` where one resource splits into several of a type), so the pieces read as one family in the plan."""
    return Block("resource", (tf_type, f"{conv.names[logical][1]}{suffix}"), body)


def depends_on(conv: Converter_, props: Props) -> list[Expr] | None:
    """The CloudFormation DependsOn of a resource (kept by the renderer as `_DependsOn`) as Terraform addresses.
    A REST API's deployment is written as a deployment, a stage and its method settings, and a method as a
    method and an integration: what depends on them waits for the stage (and settings) and the integration."""
    addresses = []
    for name in props.get("_DependsOn") or []:
        kind = conv.resources[name]["Type"]
        if kind == "AWS::ApiGateway::Deployment":
            deployment = conv.resources[name]["Properties"]
            api = conv.names[deployment["RestApiId"]["Ref"]][1]
            addresses.append(f"aws_api_gateway_stage.{api}")
            if (deployment.get("StageDescription") or {}).get("MethodSettings"):
                # CloudFormation completes the stage with its method settings (its throttling).
                addresses.append(f"aws_api_gateway_method_settings.{api}")
        elif kind == "AWS::ApiGateway::Method":
            addresses.append(f"aws_api_gateway_integration.{snake(name)}")
        elif kind == "AWS::EC2::VPCGatewayAttachment":
            # Terraform attaches the gateway through its vpc_id: waiting for the attachment is waiting for it.
            attachment = conv.resources[name]["Properties"]
            gateway = (attachment.get("InternetGatewayId") or attachment["VpnGatewayId"])["Ref"]
            addresses.append(conv.address(gateway))
        elif conv.names[name][0]:
            addresses.append(conv.address(name))
    return [Expr(address) for address in sorted(set(addresses))] or None
