"""A REST API calls the services it writes to or invokes itself: PutRecord on a Kinesis stream, SendMessage to an
SQS queue, Publish to an SNS topic, StartExecution of a Step Functions state machine, each through an AWS service
integration with a role of its own allowed that one action on that one target. cfn-lint, moto, and the Terraform
conversion with every reference defined judge it (terraform validate runs over these designs in
test_terraform_validate). A call the export writes no integration for is named in its notes, never dropped."""

from __future__ import annotations

import json
from typing import Any

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import export_notes
from archbuilder.model import Architecture, RegionNode
from tests.exporters.cfn_tools import lint
from tests.exporters.moto_topology import deploy
from tests.exporters.tf_correspondence import check

TEMPLATE = '{"StreamName": "${Clicks}", "Data": "$util.base64Encode($input.body)", "PartitionKey": "$context.requestId"}'


def collector() -> Architecture:
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
    arch.add_service("api_gateway_rest", "region", label="Collector", node_id="api")
    arch.add_service("kinesis_stream", "region", label="Clicks", node_id="stream")
    arch.connect("api", "stream", K.WRITE)
    return arch


def test_the_api_puts_the_request_body_on_the_stream_with_a_role_allowed_put_record_on_it_only() -> None:
    template = build_template(collector())
    resources = {name: body for name, body in template["Resources"].items() if name.startswith("Collector")}
    tags = [
        {"Key": "Environment", "Value": "production"},
        {"Key": "Design", "Value": "Untitled architecture"},
    ]
    assert resources == {
        "Collector": {
            "Type": "AWS::ApiGateway::RestApi",
            "Properties": {
                "Name": "Collector",
                "EndpointConfiguration": {"Types": ["REGIONAL"]},
                "Tags": tags,
            },
        },
        "CollectorClicksResource": {
            "Type": "AWS::ApiGateway::Resource",
            "Properties": {
                "RestApiId": {"Ref": "Collector"},
                "ParentId": {"Fn::GetAtt": ["Collector", "RootResourceId"]},
                "PathPart": "clicks",
            },
        },
        "CollectorClicksRole": {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "apigateway.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                        }
                    ],
                },
                "Policies": [
                    {
                        "PolicyName": "put-records",
                        "PolicyDocument": {
                            "Version": "2012-10-17",
                            "Statement": [
                                {
                                    "Effect": "Allow",
                                    "Action": "kinesis:PutRecord",
                                    "Resource": {"Fn::GetAtt": ["Clicks", "Arn"]},
                                }
                            ],
                        },
                    }
                ],
                "Tags": tags,
            },
        },
        "CollectorClicksMethod": {
            "Type": "AWS::ApiGateway::Method",
            "Properties": {
                "RestApiId": {"Ref": "Collector"},
                "ResourceId": {"Ref": "CollectorClicksResource"},
                "HttpMethod": "POST",
                "AuthorizationType": "NONE",
                "Integration": {
                    "Type": "AWS",
                    "IntegrationHttpMethod": "POST",
                    "Uri": {
                        "Fn::Sub": "arn:${AWS::Partition}:apigateway:${AWS::Region}:kinesis:action/PutRecord"
                    },
                    "Credentials": {"Fn::GetAtt": ["CollectorClicksRole", "Arn"]},
                    "RequestParameters": {
                        "integration.request.header.Content-Type": "'application/x-amz-json-1.1'"
                    },
                    "RequestTemplates": {"application/json": {"Fn::Sub": TEMPLATE}},
                    "IntegrationResponses": [{"StatusCode": "200"}],
                },
                "MethodResponses": [{"StatusCode": "200"}],
            },
        },
        "CollectorDeployment": {
            "Type": "AWS::ApiGateway::Deployment",
            "DependsOn": ["CollectorClicksMethod"],
            "Properties": {
                "RestApiId": {"Ref": "Collector"},
                "StageName": "prod",
                "StageDescription": {
                    "MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "ThrottlingRateLimit": 1000}]
                },
            },
        },
    }
    assert lint(json.dumps(template), "collector.json") == []


def test_the_method_keeps_the_authorization_the_api_sets() -> None:
    arch = collector()
    arch.set_property("api", "authorization", "AWS_IAM")
    method = build_template(arch)["Resources"]["CollectorClicksMethod"]["Properties"]
    assert method["AuthorizationType"] == "AWS_IAM"


def test_the_collector_deploys_in_moto_with_its_post_method_calling_kinesis() -> None:
    with mock_aws():
        physical = deploy(collector(), "collector")
        client = boto3.client("apigateway", region_name="us-east-1")
        api = physical["Collector"]
        [resource] = [r for r in client.get_resources(restApiId=api)["items"] if r["path"] == "/clicks"]
        integration = client.get_integration(restApiId=api, resourceId=resource["id"], httpMethod="POST")
        stream = boto3.client("kinesis", region_name="us-east-1").describe_stream_summary(
            StreamName=physical["Clicks"]
        )["StreamDescriptionSummary"]
    assert (integration["type"], integration["httpMethod"]) == ("AWS", "POST")
    assert integration["uri"] == "arn:aws:apigateway:us-east-1:kinesis:action/PutRecord"
    assert stream["StreamName"] == physical["Clicks"]


def test_the_integration_is_written_to_terraform_with_its_role_template_and_responses() -> None:
    found = check(collector())  # resource by resource as in CloudFormation, every reference defined
    method = "collector_clicks_method"
    where = {
        "rest_api_id": "${aws_api_gateway_rest_api.collector.id}",
        "resource_id": "${aws_api_gateway_resource.collector_clicks_resource.id}",
        "http_method": f"${{aws_api_gateway_method.{method}.http_method}}",
    }
    assert found[("aws_api_gateway_integration", method)] == {
        **where,
        "type": "AWS",
        "integration_http_method": "POST",
        "uri": "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}"
        ":kinesis:action/PutRecord",
        "credentials": "${aws_iam_role.collector_clicks_role.arn}",
        "request_parameters": {"integration.request.header.Content-Type": "'application/x-amz-json-1.1'"},
        # as the HCL parser gives a string back: its quotes still escaped
        "request_templates": {
            "application/json": TEMPLATE.replace("${Clicks}", "${aws_kinesis_stream.clicks.name}").replace(
                '"', '\\"'
            )
        },
        "depends_on": ["${aws_iam_role_policy.collector_clicks_role_put_records}"],
    }
    assert found[("aws_api_gateway_method_response", f"{method}_200")] == {**where, "status_code": "200"}
    assert found[("aws_api_gateway_integration_response", f"{method}_200")] == {
        **where,
        "status_code": "200",
        "depends_on": [
            f"${{aws_api_gateway_integration.{method}}}",
            f"${{aws_api_gateway_method_response.{method}_200}}",
        ],
    }
    assert found[("aws_iam_role_policy", "collector_clicks_role_put_records")]["policy"] == (
        '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "kinesis:PutRecord", '
        "Resource = aws_kinesis_stream.clicks.arn}]})}"
    )


def service_front() -> Architecture:
    """An API sending to a standard and a FIFO queue, publishing to a topic and starting a state machine."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
    arch.add_service("api_gateway_rest", "region", label="Front", node_id="api")
    arch.add_service("sqs_queue", "region", label="Orders", node_id="orders")
    arch.add_service("sqs_queue", "region", label="Payments", node_id="payments")
    arch.set_property("payments", "fifo", True)
    arch.add_service("sns_topic", "region", label="Alerts", node_id="alerts")
    arch.add_service("step_functions", "region", label="Checkout", node_id="checkout")
    arch.connect("api", "orders", K.WRITE)
    arch.connect("api", "payments", K.WRITE)
    arch.connect("api", "alerts", K.WRITE)
    arch.connect("api", "checkout", K.INVOKE)
    return arch


FORM = "'application/x-www-form-urlencoded'"
SEND = "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"


def _integration(uri: str, role: str, content_type: str, template: Any) -> dict[str, Any]:
    return {
        "Type": "AWS",
        "IntegrationHttpMethod": "POST",
        "Uri": {"Fn::Sub": f"arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:{uri}"},
        "Credentials": {"Fn::GetAtt": [role, "Arn"]},
        "RequestParameters": {"integration.request.header.Content-Type": content_type},
        "RequestTemplates": {"application/json": template},
        "IntegrationResponses": [{"StatusCode": "200"}],
    }


def test_each_service_gets_its_request_and_a_role_allowed_its_one_action_on_it() -> None:
    template = build_template(service_front())
    resources = template["Resources"]
    methods = {name: body["Properties"] for name, body in resources.items() if name.endswith("Method")}
    assert {name: (m["HttpMethod"], m["Integration"]) for name, m in methods.items()} == {
        "FrontOrdersMethod": (
            "POST",
            _integration("sqs:path/${AWS::AccountId}/${Orders.QueueName}", "FrontOrdersRole", FORM, SEND),
        ),
        "FrontPaymentsMethod": (
            "POST",
            _integration(
                "sqs:path/${AWS::AccountId}/${Payments.QueueName}",
                "FrontPaymentsRole",
                FORM,
                # A FIFO queue: one message group keeps the API's order; each request is sent once.
                SEND + "&MessageGroupId=Front&MessageDeduplicationId=$context.requestId",
            ),
        ),
        "FrontAlertsMethod": (
            "POST",
            _integration(
                "sns:action/Publish",
                "FrontAlertsRole",
                FORM,
                {
                    "Fn::Sub": "Action=Publish&TopicArn=$util.urlEncode('${Alerts}')&Message=$util.urlEncode($input.body)"
                },
            ),
        ),
        "FrontCheckoutMethod": (
            "POST",
            _integration(
                "states:action/StartExecution",
                "FrontCheckoutRole",
                "'application/x-amz-json-1.0'",
                {
                    "Fn::Sub": '{"input": "$util.escapeJavaScript($input.body)", "stateMachineArn": "${Checkout}"}'
                },
            ),
        ),
    }
    policies = {
        name: body["Properties"]["Policies"]
        for name, body in resources.items()
        if name.startswith("Front") and body["Type"] == "AWS::IAM::Role"
    }
    assert {name: [(p["PolicyName"], p["PolicyDocument"]["Statement"]) for p in found] for name, found in policies.items()} == {
        "FrontOrdersRole": [("send-messages", [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["Orders", "Arn"]}}])],
        "FrontPaymentsRole": [("send-messages", [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["Payments", "Arn"]}}])],
        "FrontAlertsRole": [("publish", [{"Effect": "Allow", "Action": "sns:Publish", "Resource": {"Ref": "Alerts"}}])],
        "FrontCheckoutRole": [("start-executions", [{"Effect": "Allow", "Action": "states:StartExecution", "Resource": {"Ref": "Checkout"}}])],
    }  # fmt: skip
    paths = {
        body["Properties"]["PathPart"]
        for body in resources.values()
        if body["Type"] == "AWS::ApiGateway::Resource"
    }
    assert paths == {"orders", "payments", "alerts", "checkout"}
    assert resources["FrontDeployment"]["DependsOn"] == sorted(methods, key=list(resources).index)
    assert lint(json.dumps(template), "front.json") == []
    assert export_notes("cloudformation", service_front()) == []


def test_the_api_deploys_in_moto_with_each_integration_calling_its_service() -> None:
    design = service_front()
    # moto refuses a FIFO queue without a name of its own (CloudFormation names it); the FIFO request is checked
    # above, and deploying it adds nothing to what this checks.
    design.set_property("payments", "fifo", False)
    with mock_aws():
        physical = deploy(design, "front")
        client = boto3.client("apigateway", region_name="us-east-1")
        api = physical["Front"]
        paths = {r["path"]: r["id"] for r in client.get_resources(restApiId=api)["items"]}
        uris = {
            path: client.get_integration(restApiId=api, resourceId=paths[path], httpMethod="POST")["uri"]
            for path in ("/orders", "/payments", "/alerts", "/checkout")
        }
        names = {
            queue: physical[queue].rsplit("/", 1)[-1] for queue in ("Orders", "Payments")
        }  # Ref: the URL
    prefix = "arn:aws:apigateway:us-east-1:"
    assert uris["/orders"] == f"{prefix}sqs:path/123456789012/{names['Orders']}"
    assert uris["/alerts"] == f"{prefix}sns:action/Publish"
    assert uris["/checkout"] == f"{prefix}states:action/StartExecution"
    assert uris["/payments"] == f"{prefix}sqs:path/123456789012/{names['Payments']}"


def test_terraform_names_the_queue_by_its_name_attribute() -> None:
    found = check(service_front())
    integration = found[("aws_api_gateway_integration", "front_orders_method")]
    assert integration["uri"] == (
        "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}:sqs:path/"
        "${data.aws_caller_identity.current.account_id}/${aws_sqs_queue.orders.name}"
    )
    assert integration["request_templates"] == {"application/json": SEND}
    assert integration["depends_on"] == ["${aws_iam_role_policy.front_orders_role_send_messages}"]
    assert found[("aws_iam_role_policy", "front_alerts_role_publish")]["policy"] == (
        '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "sns:Publish", '
        "Resource = aws_sns_topic.alerts.arn}]})}"
    )


def test_a_call_the_export_cannot_write_is_named_in_the_notes_of_both_formats() -> None:
    arch = service_front()
    arch.add_service("dynamodb_table", "region", label="Carts", node_id="carts")
    arch.connect("api", "carts", K.WRITE)
    note = (
        "not declared, to do by hand: Front (API Gateway): integrate it with Carts (DynamoDB, write) yourself: the "
        "export writes integrations with Lambda functions, Kinesis streams, SQS queues, SNS topics and Step "
        "Functions state machines only"
    )
    assert export_notes("cloudformation", arch) == export_notes("terraform", arch) == [note]
    http = Architecture()
    http.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
    http.add_service("api_gateway_http", "region", label="Edge", node_id="api")
    http.add_service("sns_topic", "region", label="Alerts", node_id="alerts")
    http.connect("api", "alerts", K.WRITE)
    assert export_notes("cloudformation", http) == [
        "not declared, to do by hand: Edge (HTTP API): integrate it with Alerts (SNS, write) yourself: the export "
        "writes integrations with Lambda functions, Kinesis streams, SQS queues and Step Functions state machines "
        "only"
    ]


def http_front() -> Architecture:
    """An HTTP API sending to a FIFO queue, putting records on a stream and starting a state machine."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
    arch.add_service("api_gateway_http", "region", label="Edge", node_id="api")
    arch.add_service("sqs_queue", "region", label="Orders", node_id="orders")
    arch.set_property("orders", "fifo", True)
    arch.add_service("kinesis_stream", "region", label="Clicks", node_id="clicks")
    arch.add_service("step_functions", "region", label="Checkout", node_id="checkout")
    arch.connect("api", "orders", K.WRITE)
    arch.connect("api", "clicks", K.WRITE)
    arch.connect("api", "checkout", K.INVOKE)
    return arch


def _http_integration(subtype: str, role: str, parameters: dict[str, Any]) -> dict[str, Any]:
    return {
        "ApiId": {"Ref": "Edge"},
        "IntegrationType": "AWS_PROXY",
        "IntegrationSubtype": subtype,
        "CredentialsArn": {"Fn::GetAtt": [role, "Arn"]},
        "RequestParameters": parameters,
        "PayloadFormatVersion": "1.0",
    }


def test_an_http_api_calls_each_service_through_its_first_class_integration() -> None:
    template = build_template(http_front())
    resources = template["Resources"]
    integrations = {
        name: body["Properties"]
        for name, body in resources.items()
        if body["Type"] == "AWS::ApiGatewayV2::Integration"
    }
    assert integrations == {
        "EdgeOrdersIntegration": _http_integration(
            "SQS-SendMessage",
            "EdgeOrdersRole",
            {
                "QueueUrl": {"Ref": "Orders"},
                "MessageBody": "$request.body",
                "MessageGroupId": "Edge",
                "MessageDeduplicationId": "$context.requestId",
            },
        ),
        "EdgeClicksIntegration": _http_integration(
            "Kinesis-PutRecord",
            "EdgeClicksRole",
            {"StreamName": {"Ref": "Clicks"}, "Data": "$request.body", "PartitionKey": "$context.requestId"},
        ),
        "EdgeCheckoutIntegration": _http_integration(
            "StepFunctions-StartExecution",
            "EdgeCheckoutRole",
            {"StateMachineArn": {"Ref": "Checkout"}, "Input": "$request.body"},
        ),
    }
    routes = {
        body["Properties"]["RouteKey"]: body["Properties"]["Target"]
        for body in resources.values()
        if body["Type"] == "AWS::ApiGatewayV2::Route"
    }
    assert routes == {
        "POST /orders": {"Fn::Sub": "integrations/${EdgeOrdersIntegration}"},
        "POST /clicks": {"Fn::Sub": "integrations/${EdgeClicksIntegration}"},
        "POST /checkout": {"Fn::Sub": "integrations/${EdgeCheckoutIntegration}"},
    }
    assert resources["EdgeStage"]["DependsOn"] == ["EdgeCheckoutRoute", "EdgeClicksRoute", "EdgeOrdersRoute"]
    policies = resources["EdgeClicksRole"]["Properties"]["Policies"]
    assert policies == [
        {
            "PolicyName": "put-records",
            "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "kinesis:PutRecord",
                        "Resource": {"Fn::GetAtt": ["Clicks", "Arn"]},
                    }
                ],
            },
        }
    ]
    assert lint(json.dumps(template), "edge.json") == []
    assert export_notes("cloudformation", http_front()) == []


def test_the_http_api_s_integrations_are_accepted_by_the_api_with_the_deployed_targets() -> None:
    """moto's CloudFormation has no HTTP API (a declared stand-in): the stack deploys the roles and the targets,
    then each integration of the template is created through the API Gateway v2 API, its references resolved to
    what was deployed."""
    design = http_front()
    design.set_property("orders", "fifo", False)  # moto refuses an unnamed FIFO queue (see above)
    template = build_template(design)
    with mock_aws():
        physical = deploy(design, "edge")
        iam = boto3.client("iam", region_name="us-east-1")
        client = boto3.client("apigatewayv2", region_name="us-east-1")
        api = client.create_api(Name="Edge", ProtocolType="HTTP")["ApiId"]
        for body in template["Resources"].values():
            if body["Type"] != "AWS::ApiGatewayV2::Integration":
                continue
            props = body["Properties"]
            role = iam.get_role(RoleName=physical[props["CredentialsArn"]["Fn::GetAtt"][0]])["Role"]["Arn"]
            client.create_integration(
                ApiId=api,
                IntegrationType=props["IntegrationType"],
                IntegrationSubtype=props["IntegrationSubtype"],
                CredentialsArn=role,
                RequestParameters={
                    key: physical[value["Ref"]] if isinstance(value, dict) else value
                    for key, value in props["RequestParameters"].items()
                },
                PayloadFormatVersion=props["PayloadFormatVersion"],
            )
        items = client.get_integrations(ApiId=api)["Items"]
    created = {item["IntegrationSubtype"]: item["RequestParameters"] for item in items}
    assert created == {
        "SQS-SendMessage": {"QueueUrl": physical["Orders"], "MessageBody": "$request.body"},
        "Kinesis-PutRecord": {
            "StreamName": physical["Clicks"],
            "Data": "$request.body",
            "PartitionKey": "$context.requestId",
        },
        "StepFunctions-StartExecution": {"StateMachineArn": physical["Checkout"], "Input": "$request.body"},
    }


def test_terraform_writes_the_http_integrations_with_their_parameters_and_role() -> None:
    found = check(http_front())
    assert found[("aws_apigatewayv2_integration", "edge_orders_integration")] == {
        "api_id": "${aws_apigatewayv2_api.edge.id}",
        "integration_type": "AWS_PROXY",
        "integration_subtype": "SQS-SendMessage",
        "credentials_arn": "${aws_iam_role.edge_orders_role.arn}",
        "request_parameters": {
            "QueueUrl": "${aws_sqs_queue.orders.url}",
            "MessageBody": "$request.body",
            "MessageGroupId": "Edge",
            "MessageDeduplicationId": "$context.requestId",
        },
        "payload_format_version": "1.0",
        "depends_on": ["${aws_iam_role_policy.edge_orders_role_send_messages}"],
    }


def _same_names(api_type: str) -> Architecture:
    """An API calling a function, a queue and a state machine all named Orders (and one more function)."""
    arch = Architecture()
    arch.add_node(RegionNode(id="region", label="US East", region="us-east-1"))
    arch.add_service(api_type, "region", label="Front", node_id="api")
    arch.add_service("lambda_function", "region", label="Home", node_id="f0")
    arch.add_service("lambda_function", "region", label="Orders", node_id="f1")
    arch.add_service("sqs_queue", "region", label="Orders", node_id="q")
    arch.add_service("step_functions", "region", label="orders", node_id="sm")
    for target, kind in (("f0", K.INVOKE), ("f1", K.INVOKE), ("q", K.WRITE), ("sm", K.INVOKE)):
        arch.connect("api", target, kind)
    return arch


def test_targets_of_one_name_get_paths_of_their_own() -> None:
    """API Gateway refuses two resources of one parent, or two routes, with one path."""
    rest = build_template(_same_names("api_gateway_rest"))["Resources"]
    parts = {name: body["Properties"]["PathPart"] for name, body in rest.items() if name.endswith("Resource")}
    assert parts == {
        "FrontOrdersResource": "orders",
        "FrontOrders2Resource": "orders-2",
        "FrontOrders3Resource": "orders-3",
    }
    http = build_template(_same_names("api_gateway_http"))["Resources"]
    keys = sorted(
        body["Properties"]["RouteKey"] for body in http.values() if body["Type"] == "AWS::ApiGatewayV2::Route"
    )
    assert keys == ["$default", "ANY /orders/{proxy+}", "POST /orders-2", "POST /orders-3"]
    with mock_aws():
        physical = deploy(_same_names("api_gateway_rest"), "same-names")
        client = boto3.client("apigateway", region_name="us-east-1")
        paths = sorted(r["path"] for r in client.get_resources(restApiId=physical["Front"])["items"])
    assert paths == ["/", "/orders", "/orders-2", "/orders-3"]
