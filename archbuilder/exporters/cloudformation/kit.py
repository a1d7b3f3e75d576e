"""What the CloudFormation renderers share: the renderer signature and helpers for properties, roles and connections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, ref, sub
from archbuilder.model import ServiceNode

Renderer = Callable[[CfnContext, ServiceNode], None]
AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"


def prop(node: ServiceNode, name: str, default: Any = None) -> Any:
    value = node.properties.get(name)
    return default if value is None else value


def ami_parameter(ctx: CfnContext) -> dict[str, str]:
    return ctx.parameter(
        "LatestAmiId",
        "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
        AMI_PARAMETER,
        "AMI for instances (defaults to the latest Amazon Linux 2023)",
    )


def instance_type_parameter(ctx: CfnContext, node: ServiceNode, default: str) -> dict[str, str]:
    name = f"{ctx.lid(node)}InstanceType"
    return ctx.parameter(
        name, "String", str(prop(node, "instance_type", default)), f"Instance type of {node.label}"
    )


def service_role(ctx: CfnContext, node: ServiceNode, principal: str, managed: list[Any] | None = None) -> str:
    role = ctx.add(
        ctx.lid(node, "Role"),
        "AWS::IAM::Role",
        {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}
                ],
            },
            **({"ManagedPolicyArns": managed} if managed else {}),
        },
    )
    ctx.roles[node.id] = role
    return role


def api_invoke_permission(ctx: CfnContext, node: ServiceNode, function: str, api: str) -> str:
    """Lets the API Gateway API `api` (REST or HTTP, made for `node`) invoke the Lambda function `function`."""
    return ctx.add(
        ctx.lid(node, f"{function}Permission"),
        "AWS::Lambda::Permission",
        {
            "FunctionName": ref(function),
            "Action": "lambda:InvokeFunction",
            "Principal": "apigateway.amazonaws.com",
            "SourceArn": sub(
                f"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{{api}}}/*"
            ),
        },
    )


def sources_of(ctx: CfnContext, node: ServiceNode, kind: ConnectionKind) -> list[str]:
    return [
        c.source_id for c in ctx.graph.connections_of(node.id) if c.target_id == node.id and c.kind is kind
    ]


def targets_of(
    ctx: CfnContext, node: ServiceNode, *kinds: ConnectionKind
) -> list[tuple[ServiceNode, ConnectionKind]]:
    arch = ctx.architecture
    return [
        (arch.service(c.target_id), c.kind)
        for c in ctx.graph.connections_of(node.id)
        if c.source_id == node.id and c.kind in kinds
    ]
