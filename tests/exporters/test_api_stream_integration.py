"""A REST API writing to a Kinesis data stream calls PutRecord itself (an AWS service integration with a role of
its own allowed that one action on that stream): cfn-lint, moto, and the Terraform conversion with every reference
defined judge it (terraform validate runs over the bundled streaming-pipeline example, which has one)."""

from __future__ import annotations

import json

import boto3
from moto import mock_aws

from archbuilder.catalog import ConnectionKind as K
from archbuilder.exporters.cloudformation.template import build_template
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
