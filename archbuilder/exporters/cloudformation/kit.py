"""What the CloudFormation renderers share: the renderer signature and helpers for properties, roles and connections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
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
    """The node's role: what its connections grant go to it (CfnContext.allow)."""
    role = assumable_role(ctx, ctx.lid(node, "Role"), principal, managed)
    ctx.roles[node.id] = role
    return role


def assumable_role(
    ctx: CfnContext,
    logical: str,
    principal: str | list[str],
    managed: list[Any] | None = None,
    inline: dict[str, list[dict[str, Any]]] | None = None,
) -> str:
    """An IAM role `principal` (a service, or several) may assume, with AWS managed policies and inline policies
    (policy name -> statements)."""
    return ctx.add(
        logical,
        "AWS::IAM::Role",
        {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}
                ],
            },
            **({"ManagedPolicyArns": managed} if managed else {}),
            **(
                {"Policies": [_inline_policy(name, rules) for name, rules in inline.items()]}
                if inline
                else {}
            ),
        },
    )


def _inline_policy(name: str, statements: list[dict[str, Any]]) -> dict[str, Any]:
    return {"PolicyName": name, "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}}


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


def by_hand(ctx: CfnContext, node: ServiceNode, step: str) -> None:
    """Records what AWS offers no declarative resource for (an order, a subscription, an appliance): the
    template names it in its Metadata and the CLI prints it as a warning, while everything else is written."""
    ctx.manual_steps.append((node.id, step))


def written_instead(ctx: CfnContext, node: ServiceNode, name: str, written: Any, why: str) -> Any:
    """Records that the template writes `written` for the node's property `name` in place of the design's value (an
    empty one a deployment needs filled, or one AWS cannot take as it is), and returns `written`: the template's
    Metadata names it (Terraform's main.tf in its opening comment) and the CLI prints it as a warning, so nothing
    changes in silence; an import reads the design's value back wherever the template still holds `written`."""
    ctx.written_instead.append((node.id, name, written, why))
    return written


def instead_record(
    ctx: CfnContext, node_id: str, name: str, design: Any, written: Any, why: str
) -> dict[str, Any]:
    """A record of the template's Metadata (written_instead): for a node, by its label and service, the design's
    value of `name` (a property's, or the connections it draws) and what the template holds in its place, with why."""
    node = ctx.architecture.service(node_id)
    service = ctx.architecture.catalog.get(node.type).short_name
    return {
        "node": node.label,
        "service": service,
        "property": name,
        "design": design,
        "written": written,
        "why": why,
    }


def private_bucket_properties() -> dict[str, Any]:
    """A bucket the export makes for its own use (trail logs, Config snapshots, pipeline artifacts): encrypted,
    closed to the public, versioned. A fresh dict each time, as callers add their own keys."""
    return {
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
            ]
        },
        "PublicAccessBlockConfiguration": {
            key: True
            for key in ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
        },
        "VersioningConfiguration": {"Status": "Enabled"},
    }


def managed_policy(name: str) -> dict[str, str]:
    """The ARN of an AWS managed policy, in the stack's partition."""
    return sub(f"arn:${{AWS::Partition}}:iam::aws:policy/{name}")


def route_tables_of(ctx: CfnContext, vpc_id: str) -> list[str]:
    """The route tables the network builder wrote for a VPC (public, then one private table per AZ)."""
    vpc = ref(ctx.lid(ctx.architecture.node(vpc_id)))
    return [
        logical
        for logical in ctx.of_type("AWS::EC2::RouteTable")
        if ctx.resources[logical]["Properties"]["VpcId"] == vpc
    ]


def add_route(
    ctx: CfnContext, table: str, cidr: str, via: str, target: dict[str, Any], depends_on: str | None = None
) -> str | None:
    """A route from `table` to `cidr` through `target` (e.g. {"TransitGatewayId": ...}), named after the table and
    `via` (what the range is: a peer VPC, a VPN), unless the table already routes that range (EC2 refuses a second
    route to one destination; the first one written keeps it)."""
    for route in ctx.of_type("AWS::EC2::Route"):
        props = ctx.resources[route].get("Properties") or {}
        if props.get("RouteTableId") == ref(table) and props.get("DestinationCidrBlock") == cidr:
            return None
    name = ctx.names.get(f"{table}:route:{cidr}", f"{table}To{via}")
    return ctx.add(
        name,
        "AWS::EC2::Route",
        {"RouteTableId": ref(table), "DestinationCidrBlock": cidr, **target},
        DependsOn=depends_on,
    )


def own_key(ctx: CfnContext, node: ServiceNode, what: str) -> str:
    """A customer managed key of the node's own, rotated yearly, that the account administers and the node's role
    uses (`what` says what it encrypts). Kept with the data it encrypts (protection.py retains keys)."""
    key = ctx.add(
        ctx.lid(node, "Key"),
        "AWS::KMS::Key",
        {
            "Description": f"Encrypts {what} of {node.label}",
            "EnableKeyRotation": True,
            "PendingWindowInDays": 30,
            "KeyPolicy": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"AWS": sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
                        "Action": "kms:*",
                        "Resource": "*",
                    }
                ],
            },
        },
    )
    ctx.allow(
        node,
        [
            "kms:Decrypt",
            "kms:DescribeKey",
            "kms:Encrypt",
            "kms:GenerateDataKey*",
            "kms:ReEncrypt*",
            "kms:CreateGrant",
        ],
        get_att(key, "Arn"),
    )
    return key


VPC_ACCESS = [
    "ec2:CreateNetworkInterface",
    "ec2:CreateNetworkInterfacePermission",
    "ec2:DeleteNetworkInterface",
    "ec2:DeleteNetworkInterfacePermission",
    "ec2:DescribeDhcpOptions",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeSecurityGroups",
    "ec2:DescribeSubnets",
    "ec2:DescribeVpcs",
]


def s3_arn(url: str) -> dict[str, str] | None:
    """s3://bucket/key -> the object's ARN in the stack's partition (None for anything else)."""
    if not url.startswith("s3://") or "/" not in url[5:]:
        return None
    return sub(f"arn:${{AWS::Partition}}:s3:::{url[5:]}")


def waits_for_policy(ctx: CfnContext, logical: str, role: str) -> None:
    """`logical` is created after the inline policy of `role`, when the role gets one (its statements come from
    connections wired after the renderers), as AWS checks a service's permissions when it is created."""

    def finish() -> None:
        if ctx.role_statements.get(role):
            ctx.resources[logical]["DependsOn"] = f"{role}Policy"

    ctx.finishers.append(finish)
