"""A REST API writing straight to a Kinesis data stream: an AWS service integration calling PutRecord with a role
API Gateway assumes, with no function in between.

Properties as AWS::ApiGateway::Method takes them (Integration.Credentials, RequestParameters, RequestTemplates,
IntegrationResponses, MethodResponses: the CloudFormation resource reference and cfn-lint's schema), and the
PutRecord request (StreamName, Data as base64, PartitionKey) and its x-amz-json-1.1 content type as the Kinesis
API reference and the API Gateway tutorial "Create a REST API as a Kinesis proxy" give them; checked 2026-12-06.
"""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import assumable_role
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake

PUT_RECORD_URI = "arn:${AWS::Partition}:apigateway:${AWS::Region}:kinesis:action/PutRecord"
# The request body goes to the stream as the record's data; the request id spreads records over the shards.
PUT_RECORD_TEMPLATE = (
    '{"StreamName": "${%s}", "Data": "$util.base64Encode($input.body)", "PartitionKey": "$context.requestId"}'
)


def stream_method(
    ctx: CfnContext, node: ServiceNode, api: str, stream: ServiceNode, authorization: dict[str, Any]
) -> str:
    """POST /<stream-label> puts the request body on the stream as one record; the role the integration
    assumes may put records on that stream only."""
    target = ctx.lid(stream)
    resource = ctx.add(
        ctx.lid(node, f"{target}Resource"),
        "AWS::ApiGateway::Resource",
        {
            "RestApiId": ref(api),
            "ParentId": get_att(api, "RootResourceId"),
            "PathPart": snake(stream.label).replace("_", "-"),
        },
    )
    role = assumable_role(
        ctx,
        ctx.lid(node, f"{target}Role"),
        "apigateway.amazonaws.com",
        inline={
            "put-records": [
                {"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": get_att(target, "Arn")}
            ]
        },
    )
    return ctx.add(
        ctx.lid(node, f"{target}Method"),
        "AWS::ApiGateway::Method",
        {
            "RestApiId": ref(api),
            "ResourceId": ref(resource),
            "HttpMethod": "POST",
            **authorization,
            "Integration": {
                "Type": "AWS",
                "IntegrationHttpMethod": "POST",
                "Uri": sub(PUT_RECORD_URI),
                "Credentials": get_att(role, "Arn"),
                "RequestParameters": {
                    "integration.request.header.Content-Type": "'application/x-amz-json-1.1'"
                },
                "RequestTemplates": {"application/json": sub(PUT_RECORD_TEMPLATE % target)},
                "IntegrationResponses": [{"StatusCode": "200"}],
            },
            "MethodResponses": [{"StatusCode": "200"}],
        },
    )
