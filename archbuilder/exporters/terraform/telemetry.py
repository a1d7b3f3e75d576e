"""Terraform for X-Ray groups, IoT Core topic rules (their actions as the provider's blocks) and Global Accelerator
accelerators, listeners and endpoint groups."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block
from archbuilder.exporters.terraform.kit import BodyWriter, Props, arg, present, tags_arg

# CloudFormation's IoT action -> (the provider's block, CloudFormation key -> argument).
IOT_ACTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "Lambda": ("lambda", {"FunctionArn": "function_arn"}),
    "Sqs": ("sqs", {"QueueUrl": "queue_url", "UseBase64": "use_base64", "RoleArn": "role_arn"}),
    "Sns": ("sns", {"TargetArn": "target_arn", "MessageFormat": "message_format", "RoleArn": "role_arn"}),
    "Kinesis": (
        "kinesis",
        {"StreamName": "stream_name", "PartitionKey": "partition_key", "RoleArn": "role_arn"},
    ),
    "Firehose": (
        "firehose",
        {"DeliveryStreamName": "delivery_stream_name", "Separator": "separator", "RoleArn": "role_arn"},
    ),
    "S3": ("s3", {"BucketName": "bucket_name", "Key": "key", "RoleArn": "role_arn"}),
}


def _group(conv: Converter_, logical: str, p: Props) -> Props:
    insights = p["InsightsConfiguration"]
    return {
        "group_name": p["GroupName"],
        "filter_expression": p["FilterExpression"],
        "insights_configuration": Block(
            "insights_configuration",
            (),
            {
                "insights_enabled": insights["InsightsEnabled"],
                "notifications_enabled": insights["NotificationsEnabled"],
            },
        ),
        **tags_arg(conv, p),
    }


def _iot_blocks(conv: Converter_, actions: list[Props]) -> dict[str, list[Block]]:
    blocks: dict[str, list[Block]] = {}
    for action in actions:
        [(kind, settings)] = action.items()
        if kind == "DynamoDBv2":
            body: dict[str, Any] = {
                "role_arn": conv.expr(settings["RoleArn"]),
                "put_item": Block(
                    "put_item", (), {"table_name": conv.expr(settings["PutItem"]["TableName"])}
                ),
            }
            blocks.setdefault("dynamodbv2", []).append(Block("dynamodbv2", (), body))
            continue
        name, keys = IOT_ACTIONS[kind]
        body = {argument: conv.expr(settings[key]) for key, argument in keys.items() if key in settings}
        blocks.setdefault(name, []).append(Block(name, (), body))
    return blocks


def _topic_rule(conv: Converter_, logical: str, p: Props) -> Props:
    payload = p["TopicRulePayload"]
    return {
        "name": p["RuleName"],
        "enabled": not payload["RuleDisabled"],
        "sql": payload["Sql"],
        "sql_version": payload["AwsIotSqlVersion"],
        **_iot_blocks(conv, payload["Actions"]),
        **tags_arg(conv, p),
    }


def _accelerator(conv: Converter_, logical: str, p: Props) -> Props:
    return {
        "name": p["Name"],
        "ip_address_type": p["IpAddressType"],
        "enabled": p["Enabled"],
        **tags_arg(conv, p),
    }


def _listener(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "accelerator_arn": arg(conv, p, "AcceleratorArn"),
            "protocol": p["Protocol"],
            "client_affinity": p.get("ClientAffinity"),
            "port_range": [
                Block("port_range", (), {"from_port": r["FromPort"], "to_port": r["ToPort"]})
                for r in p["PortRanges"]
            ],
        }
    )


def _endpoint_group(conv: Converter_, logical: str, p: Props) -> Props:
    return present(
        {
            "listener_arn": arg(conv, p, "ListenerArn"),
            "endpoint_group_region": arg(conv, p, "EndpointGroupRegion"),
            "health_check_port": p.get("HealthCheckPort"),
            "endpoint_configuration": [
                Block(
                    "endpoint_configuration",
                    (),
                    {"endpoint_id": conv.expr(item["EndpointId"]), "weight": item["Weight"]},
                )
                for item in p["EndpointConfigurations"]
            ],
        }
    )


# The CloudFormation types whose Terraform resource this module writes (the body of its arguments).
BODY_WRITERS: dict[str, BodyWriter] = {
    "AWS::XRay::Group": _group,
    "AWS::IoT::TopicRule": _topic_rule,
    "AWS::GlobalAccelerator::Accelerator": _accelerator,
    "AWS::GlobalAccelerator::Listener": _listener,
    "AWS::GlobalAccelerator::EndpointGroup": _endpoint_group,
}
