"""Push-style connections in the CloudFormation export: S3 notifications, SNS subscriptions, EventBridge rules,
Step Functions and HTTP APIs, judged by exact template content, cfn-lint and a moto deployment."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError
from archbuilder.model import Architecture
from tests.exporters.cfn_tools import lint, moto_deployable
from tests.model.builders import two_az_network

UPLOADS_ARN = {"Fn::Sub": "arn:${AWS::Partition}:s3:::${AWS::AccountId}-${AWS::Region}-uploads"}


def event_driven() -> Architecture:
    arch = two_az_network()
    add = arch.add_service
    add("s3_bucket", "region", label="Uploads", node_id="uploads")
    add("lambda_function", "region", label="Thumbnailer", node_id="thumbs")
    add("sqs_queue", "region", label="Audit queue", node_id="audit")
    add("sns_topic", "region", label="Upload topic", node_id="topic")
    add("lambda_function", "region", label="Notifier", node_id="notifier")
    add("eventbridge_bus", "region", label="Orders bus", node_id="bus")
    add("eventbridge_rule", "region", label="Order placed", node_id="placed")
    add(
        "eventbridge_rule",
        "region",
        label="Nightly",
        node_id="nightly",
        properties={"schedule_expression": "cron(0 3 * * ? *)"},
    )
    add("step_functions", "region", label="Checkout flow", node_id="flow")
    add("api_gateway_http", "region", label="Public API", node_id="api")
    add("ssm_parameter", "region", label="Feature flags", node_id="flags")
    add("cognito_user_pool", "region", label="Customers", node_id="customers")
    arch.connect("uploads", "thumbs", K.EVENT)
    arch.connect("uploads", "topic", K.EVENT)
    arch.connect("topic", "audit", K.SUBSCRIBE)
    arch.connect("topic", "notifier", K.SUBSCRIBE)
    arch.connect("thumbs", "bus", K.WRITE)
    arch.connect("bus", "placed", K.EVENT)
    arch.connect("placed", "flow", K.EVENT)
    arch.connect("placed", "audit", K.EVENT)
    arch.connect("nightly", "notifier", K.EVENT)
    arch.connect("flow", "thumbs", K.INVOKE)
    arch.connect("flow", "notifier", K.INVOKE)
    arch.connect("api", "notifier", K.INVOKE)
    arch.connect("notifier", "flags", K.READ)
    add("lambda_function", "region", label="Checkout starter", node_id="starter")
    arch.connect("starter", "flow", K.INVOKE)
    return arch


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return build_template(event_driven())


def test_s3_notifications_name_the_bucket_and_wait_for_the_receivers_permission(
    template: dict[str, Any],
) -> None:
    bucket = template["Resources"]["Uploads"]
    assert bucket["DependsOn"] == ["ThumbnailerFromUploadsPermission", "UploadTopicPolicy"]
    props = bucket["Properties"]
    assert props["BucketName"] == {"Fn::Sub": "${AWS::AccountId}-${AWS::Region}-uploads"}
    assert props["NotificationConfiguration"] == {
        "LambdaConfigurations": [
            {"Event": "s3:ObjectCreated:*", "Function": {"Fn::GetAtt": ["Thumbnailer", "Arn"]}}
        ],
        "TopicConfigurations": [{"Event": "s3:ObjectCreated:*", "Topic": {"Ref": "UploadTopic"}}],
    }
    assert template["Resources"]["ThumbnailerFromUploadsPermission"]["Properties"] == {
        "FunctionName": {"Ref": "Thumbnailer"},
        "Action": "lambda:InvokeFunction",
        "Principal": "s3.amazonaws.com",
        "SourceAccount": {"Ref": "AWS::AccountId"},
        "SourceArn": UPLOADS_ARN,
    }
    assert template["Resources"]["UploadTopicPolicy"]["Properties"]["PolicyDocument"]["Statement"] == [
        {
            "Sid": "FromUploads",
            "Effect": "Allow",
            "Principal": {"Service": "s3.amazonaws.com"},
            "Action": "sns:Publish",
            "Resource": {"Ref": "UploadTopic"},
            "Condition": {"ArnEquals": {"aws:SourceArn": UPLOADS_ARN}},
        }
    ]


def test_one_queue_policy_gathers_every_sender(template: dict[str, Any]) -> None:
    policies = [n for n, b in template["Resources"].items() if b["Type"] == "AWS::SQS::QueuePolicy"]
    assert policies == ["AuditQueuePolicy"]
    statements = template["Resources"]["AuditQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert [(s["Sid"], s["Principal"], s["Condition"]["ArnEquals"]["aws:SourceArn"]) for s in statements] == [
        ("FromOrderPlaced", {"Service": "events.amazonaws.com"}, {"Fn::GetAtt": ["OrderPlaced", "Arn"]}),
        ("FromUploadTopic", {"Service": "sns.amazonaws.com"}, {"Ref": "UploadTopic"}),
    ]


def test_sns_subscriptions_and_the_lambda_permission(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    assert resources["AuditQueueSubscriptionToUploadTopic"]["Properties"] == {
        "TopicArn": {"Ref": "UploadTopic"},
        "Protocol": "sqs",
        "Endpoint": {"Fn::GetAtt": ["AuditQueue", "Arn"]},
    }
    assert resources["NotifierSubscriptionToUploadTopic"]["Properties"]["Protocol"] == "lambda"
    permission = resources["NotifierFromUploadTopicPermission"]["Properties"]
    assert (permission["Principal"], permission["SourceArn"]) == ("sns.amazonaws.com", {"Ref": "UploadTopic"})


def test_rules_match_on_their_bus_or_run_on_schedule_and_reach_targets(template: dict[str, Any]) -> None:
    placed = template["Resources"]["OrderPlaced"]["Properties"]
    assert placed["EventBusName"] == {"Fn::GetAtt": ["OrdersBus", "Name"]}
    assert placed["EventPattern"] == {"account": [{"Ref": "AWS::AccountId"}]}
    assert placed["Targets"] == [
        {"Id": "AuditQueue", "Arn": {"Fn::GetAtt": ["AuditQueue", "Arn"]}},
        {
            "Id": "CheckoutFlow",
            "Arn": {"Ref": "CheckoutFlow"},
            "RoleArn": {"Fn::GetAtt": ["OrderPlacedRole", "Arn"]},
        },
    ]
    role_policy = template["Resources"]["OrderPlacedRole"]["Properties"]["Policies"][0]["PolicyDocument"]
    assert role_policy["Statement"] == [
        {"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Ref": "CheckoutFlow"}]}
    ]
    nightly = template["Resources"]["Nightly"]["Properties"]
    assert nightly["ScheduleExpression"] == "cron(0 3 * * ? *)"
    assert "EventBusName" not in nightly
    permission = template["Resources"]["NotifierFromNightlyPermission"]["Properties"]
    assert (permission["Principal"], permission["SourceArn"]) == (
        "events.amazonaws.com",
        {"Fn::GetAtt": ["Nightly", "Arn"]},
    )


def test_invoke_publish_and_parameter_access_are_least_privilege(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    thumbnailer = resources["ThumbnailerRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert thumbnailer == [
        {
            "Effect": "Allow",
            "Action": ["events:PutEvents"],
            "Resource": [{"Fn::GetAtt": ["OrdersBus", "Arn"]}],
        },
        # What it fails on goes to its dead-letter queue (a production default).
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["ThumbnailerDeadLetterQueue", "Arn"]}],
        },
    ]
    notifier = resources["NotifierRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert notifier == [
        {
            "Effect": "Allow",
            "Action": ["ssm:GetParameter", "ssm:GetParameters"],
            "Resource": [
                {
                    "Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/"
                    "${AWS::StackName}/feature-flags"
                }
            ],
        },
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["NotifierDeadLetterQueue", "Arn"]}],
        },
    ]
    assert resources["Notifier"]["Properties"]["Environment"]["Variables"] == {
        "FEATUREFLAGS_PARAMETER": {"Ref": "FeatureFlags"},
    }
    starter = resources["CheckoutStarterRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert starter == [
        {"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Ref": "CheckoutFlow"}]},
        {
            "Effect": "Allow",
            "Action": ["sqs:SendMessage"],
            "Resource": [{"Fn::GetAtt": ["CheckoutStarterDeadLetterQueue", "Arn"]}],
        },
    ]
    assert resources["CheckoutStarter"]["Properties"]["Environment"]["Variables"] == {
        "CHECKOUTFLOW_STATE_MACHINE_ARN": {"Ref": "CheckoutFlow"}
    }
    flow = resources["CheckoutFlowRolePolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert [s["Resource"] for s in flow] == [
        [{"Fn::GetAtt": ["Notifier", "Arn"]}],
        [{"Fn::GetAtt": ["Thumbnailer", "Arn"]}],
    ]


def test_state_machine_runs_the_invoked_functions_in_order(template: dict[str, Any]) -> None:
    props = template["Resources"]["CheckoutFlow"]["Properties"]
    definition = json.loads(props["DefinitionString"])
    assert definition["StartAt"] == "Notifier"
    assert definition["States"]["Notifier"]["Next"] == "Thumbnailer"
    assert definition["States"]["Thumbnailer"]["End"] is True
    assert definition["States"]["Thumbnailer"]["Parameters"]["FunctionName"] == "${ThumbnailerArn}"
    assert props["DefinitionSubstitutions"] == {
        "NotifierArn": {"Fn::GetAtt": ["Notifier", "Arn"]},
        "ThumbnailerArn": {"Fn::GetAtt": ["Thumbnailer", "Arn"]},
    }


def test_http_api_routes_to_its_function(template: dict[str, Any]) -> None:
    resources = template["Resources"]
    assert resources["PublicAPINotifierIntegration"]["Properties"]["IntegrationUri"] == {
        "Fn::GetAtt": ["Notifier", "Arn"]
    }
    assert resources["PublicAPINotifierRoute"]["Properties"]["RouteKey"] == "$default"
    assert resources["PublicAPIStage"]["DependsOn"] == ["PublicAPINotifierRoute"]


def test_cfn_lint_accepts_the_event_driven_template(template: dict[str, Any]) -> None:
    assert lint(json.dumps(template), "events.json") == []


def test_the_event_driven_template_deploys_in_moto(template: dict[str, Any]) -> None:
    with mock_aws():
        deployable, dropped = moto_deployable(template)
        client = boto3.client("cloudformation", region_name="us-east-1")
        client.create_stack(
            StackName="events", TemplateBody=json.dumps(deployable), Capabilities=["CAPABILITY_IAM"]
        )
        assert client.describe_stacks(StackName="events")["Stacks"][0]["StackStatus"] == "CREATE_COMPLETE"
        functions = boto3.client("lambda", region_name="us-east-1").list_functions()["Functions"]
        assert sorted(f["FunctionName"].split("-")[1] for f in functions) == [
            "CheckoutStarter",
            "Notifier",
            "Thumbnailer",
        ]
        queues = boto3.client("sqs", region_name="us-east-1").list_queues()["QueueUrls"]
        # The audit queue and its dead-letter queue, and each function's dead-letter queue.
        assert sorted(q.rsplit("/", 1)[1].split("-")[1] for q in queues) == [
            "AuditQueue",
            "AuditQueueDeadLetterQueue",
            "CheckoutStarterDeadLetterQueue",
            "NotifierDeadLetterQueue",
            "ThumbnailerDeadLetterQueue",
        ]
        topics = boto3.client("sns", region_name="us-east-1").list_topics()["Topics"]
        assert len(topics) == 1
        machines = boto3.client("stepfunctions", region_name="us-east-1").list_state_machines()
        assert len(machines["stateMachines"]) == 1
        events = boto3.client("events", region_name="us-east-1")
        assert [b["Name"] for b in events.list_event_buses()["EventBuses"]] == [
            "default",
            "events-orders-bus",
        ]
        assert len(events.list_rules(EventBusName="events-orders-bus")["Rules"]) == 1
        [nightly] = events.list_rules()["Rules"]
        assert nightly["ScheduleExpression"] == "cron(0 3 * * ? *)"
        [parameter] = boto3.client("ssm", region_name="us-east-1").describe_parameters()["Parameters"]
        assert parameter["Name"] == "/events/feature-flags"
        [bucket] = boto3.client("s3", region_name="us-east-1").list_buckets()["Buckets"]
        assert bucket["Name"] == "123456789012-us-east-1-uploads"
    # What moto cannot emulate is left out of its stack (cfn-lint still checks it above).
    assert dropped == [
        "AuditQueuePolicy",
        "AuditQueueSubscriptionToUploadTopic",
        "Customers",
        "CustomersClient",
        "NotifierSubscriptionToUploadTopic",
        "PublicAPI",
        "PublicAPINotifierIntegration",
        "PublicAPINotifierRoute",
        "PublicAPIStage",
        "UploadTopicPolicy",
        "UploadsTlsPolicy",
    ]


def test_fifo_queue_cannot_receive_s3_events() -> None:
    arch = two_az_network()
    arch.add_service("s3_bucket", "region", label="Uploads", node_id="uploads")
    arch.add_service("sqs_queue", "region", label="Jobs", node_id="jobs", properties={"fifo": True})
    arch.connect("uploads", "jobs", K.EVENT)
    with pytest.raises(ExportError, match="Uploads -> Jobs: a FIFO queue cannot receive S3 events"):
        build_template(arch)


def test_rule_with_a_broken_event_pattern_is_refused_by_name() -> None:
    arch = two_az_network()
    arch.add_service(
        "eventbridge_rule", "region", label="Bad", node_id="bad", properties={"event_pattern": "{"}
    )
    with pytest.raises(ExportError, match=r"Bad: the event pattern is not JSON"):
        build_template(arch)


def test_rule_with_more_than_five_targets_is_refused() -> None:
    arch = two_az_network()
    arch.add_service("eventbridge_rule", "region", label="Fan out", node_id="fan")
    for index in range(6):
        arch.add_service("sqs_queue", "region", label=f"Queue {index}", node_id=f"q{index}")
        arch.connect("fan", f"q{index}", K.EVENT)
    with pytest.raises(
        ExportError, match="Fan out: an EventBridge rule sends to at most 5 targets, this one has 6"
    ):
        build_template(arch)


def test_rest_api_gives_each_further_function_its_own_path() -> None:
    arch = two_az_network()
    arch.add_service("api_gateway_rest", "region", label="API", node_id="api")
    for node_id, label in (("orders", "Orders"), ("users", "User admin")):
        arch.add_service("lambda_function", "region", label=label, node_id=node_id)
        arch.connect("api", node_id, K.INVOKE)
    template = build_template(arch)
    resources = template["Resources"]
    assert resources["APIOrdersMethod"]["Properties"]["ResourceId"] == {
        "Fn::GetAtt": ["API", "RootResourceId"]
    }
    assert resources["APIUserAdminResource"]["Properties"]["PathPart"] == "user-admin"
    assert resources["APIUserAdminMethod"]["Properties"]["ResourceId"] == {"Ref": "APIUserAdminResource"}
    assert lint(json.dumps(template), "api.json") == []
