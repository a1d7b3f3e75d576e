"""CloudFormation for telemetry: X-Ray groups (functions sending them traces get active tracing), IoT Core topic
rules routing device messages to what they are connected to, and Global Accelerator accelerators with their
listener and the endpoints they send traffic to."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import Renderer, assumable_role, prop, targets_of
from archbuilder.model import ServiceNode
from archbuilder.model.naming import pascal, snake

TRACE_WRITES = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]


def _xray(ctx: CfnContext, node: ServiceNode) -> None:
    insights = bool(prop(node, "insights_enabled", False))
    ctx.add(
        ctx.lid(node),
        "AWS::XRay::Group",
        {
            "GroupName": pascal(node.label)[:32],
            "FilterExpression": str(prop(node, "filter_expression", "responsetime > 5")),
            "InsightsConfiguration": {"InsightsEnabled": insights, "NotificationsEnabled": insights},
            "Tags": ctx.tags(node),
        },
    )
    # Functions that send the group traces trace actively, with the right to write them.
    for connection in ctx.graph.connections_of(node.id):
        source = ctx.architecture.service(connection.source_id)
        if connection.target_id == node.id and source.type == "lambda_function":
            ctx.finishers.append(lambda source=source: _trace(ctx, source))


def _trace(ctx: CfnContext, function: ServiceNode) -> None:
    ctx.resources[ctx.lid(function)]["Properties"]["TracingConfig"] = {"Mode": "Active"}
    ctx.allow(function, TRACE_WRITES, "*")


# ---------------------------------------------------------------- IoT Core


def _iot_action(
    ctx: CfnContext, rule: str, target: ServiceNode, role: dict[str, Any]
) -> dict[str, Any] | None:
    """The action delivering a rule's messages to `target`, and the grant it needs; None for what IoT cannot reach."""
    logical = ctx.lid(target)
    if target.type == "lambda_function":
        ctx.add(
            ctx.lid(target, f"From{rule}Permission"),
            "AWS::Lambda::Permission",
            {
                "FunctionName": ref(logical),
                "Action": "lambda:InvokeFunction",
                "Principal": "iot.amazonaws.com",
                "SourceArn": get_att(rule, "Arn"),
            },
        )
        return {"Lambda": {"FunctionArn": get_att(logical, "Arn")}}
    grants: dict[str, tuple[str, Any, dict[str, Any]]] = {
        "sqs_queue": (
            "sqs:SendMessage",
            get_att(logical, "Arn"),
            {"Sqs": {"QueueUrl": ref(logical), "UseBase64": False, **role}},
        ),
        "sns_topic": (
            "sns:Publish",
            ref(logical),
            {"Sns": {"TargetArn": ref(logical), "MessageFormat": "RAW", **role}},
        ),
        "kinesis_stream": (
            "kinesis:PutRecord",
            get_att(logical, "Arn"),
            {"Kinesis": {"StreamName": ref(logical), "PartitionKey": "${topic()}", **role}},
        ),
        "firehose_stream": (
            "firehose:PutRecord",
            get_att(logical, "Arn"),
            {"Firehose": {"DeliveryStreamName": ref(logical), "Separator": "\n", **role}},
        ),
        "dynamodb_table": (
            "dynamodb:PutItem",
            get_att(logical, "Arn"),
            {"DynamoDBv2": {"PutItem": {"TableName": ref(logical)}, **role}},
        ),
        "s3_bucket": (
            "s3:PutObject",
            sub(f"${{{logical}.Arn}}/*"),
            {"S3": {"BucketName": ref(logical), "Key": "${topic()}/${timestamp()}", **role}},
        ),
    }
    if target.type not in grants:
        return None
    action, resource, written = grants[target.type]
    ctx.role_statements.setdefault(role["RoleArn"]["Fn::GetAtt"][0], []).append(
        {"Effect": "Allow", "Action": [action], "Resource": [resource]}
    )
    return written


def _iot(ctx: CfnContext, node: ServiceNode) -> None:
    rule = ctx.lid(node)
    role_name = assumable_role(ctx, ctx.lid(node, "Role"), "iot.amazonaws.com")
    role = {"RoleArn": get_att(role_name, "Arn")}
    actions = []
    for target, _ in targets_of(ctx, node, *ConnectionKind):
        action = _iot_action(ctx, rule, target, role)
        if action is not None:
            actions.append(action)
    ctx.add(
        rule,
        "AWS::IoT::TopicRule",
        {
            "RuleName": snake(node.label)[:128],
            "TopicRulePayload": {
                "Sql": str(prop(node, "sql", "SELECT * FROM 'devices/+/telemetry'")),
                "AwsIotSqlVersion": "2016-03-23",
                "RuleDisabled": False,
                "Actions": actions,
            },
            "Tags": ctx.tags(node),
        },
    )
    if role_name not in ctx.role_statements:
        del ctx.resources[role_name]  # nothing the rule delivers needs a role


# ---------------------------------------------------------------- Global Accelerator

# How an accelerator names each kind of endpoint.
ENDPOINT_IDS: dict[str, Any] = {
    "alb": lambda logical: ref(logical),
    "nlb": lambda logical: ref(logical),
    "ec2_instance": lambda logical: ref(logical),
    "elastic_ip": lambda logical: get_att(logical, "AllocationId"),
}


def _accelerator(ctx: CfnContext, node: ServiceNode) -> None:
    accelerator = ctx.add(
        ctx.lid(node),
        "AWS::GlobalAccelerator::Accelerator",
        {
            "Name": snake(node.label).replace("_", "-")[:64],
            "IpAddressType": str(prop(node, "ip_address_type", "IPV4")),
            "Enabled": True,
            "Tags": ctx.tags(node),
        },
    )
    port = int(prop(node, "listener_port", 443))
    listener = ctx.add(
        ctx.lid(node, "Listener"),
        "AWS::GlobalAccelerator::Listener",
        {
            "AcceleratorArn": ref(accelerator),
            "Protocol": str(prop(node, "listener_protocol", "TCP")),
            "PortRanges": [{"FromPort": port, "ToPort": port}],
            "ClientAffinity": str(prop(node, "client_affinity", "NONE")),
        },
    )
    endpoints, ports = [], []
    for connection in ctx.graph.connections_of(node.id):
        target = ctx.architecture.service(connection.target_id)
        if connection.source_id != node.id or target.type not in ENDPOINT_IDS:
            continue
        endpoints.append({"EndpointId": ENDPOINT_IDS[target.type](ctx.lid(target)), "Weight": 128})
        ports.append(connection.port or port)
    if endpoints:
        ctx.add(
            ctx.lid(node, "Endpoints"),
            "AWS::GlobalAccelerator::EndpointGroup",
            {
                "ListenerArn": ref(listener),
                "EndpointGroupRegion": ref("AWS::Region"),
                "EndpointConfigurations": endpoints,
                "HealthCheckPort": ports[0],
            },
        )
    ctx.output(f"{accelerator}DnsName", get_att(accelerator, "DnsName"), f"DNS name of {node.label}")


# The resource types this module renders; renderers.py merges every module's table.
RENDERERS: dict[str, Renderer] = {
    "xray": _xray,
    "iot_core": _iot,
    "global_accelerator": _accelerator,
}
