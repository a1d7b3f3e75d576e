"""A REST API calling an AWS service itself, with no function in between: POST /<target-label> passes the request
body to a Kinesis stream (PutRecord), an SQS queue (SendMessage), an SNS topic (Publish) or a Step Functions state
machine (StartExecution), through an AWS service integration and a role API Gateway assumes, allowed that one
action on that one target.

Properties as AWS::ApiGateway::Method takes them (Integration.Credentials, RequestParameters, RequestTemplates,
IntegrationResponses, MethodResponses: the CloudFormation resource reference and cfn-lint's schema). Each
service's request as its API reference gives it: Kinesis PutRecord (StreamName, Data as base64, PartitionKey) in
x-amz-json-1.1; SQS SendMessage and SNS Publish as form-encoded query actions (SQS on the queue's path, a FIFO
queue or topic with MessageGroupId and MessageDeduplicationId); Step Functions StartExecution (stateMachineArn,
input as a JSON string) in x-amz-json-1.0; and the API Gateway tutorials "Create a REST API as a Kinesis proxy",
"Tutorial: Create a REST API as an Amazon SQS proxy" and "Create a Step Functions API using API Gateway".
Checked 2026-12-06.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archbuilder.catalog.export_gaps import API_CALLS, api_call_written
from archbuilder.exporters.cloudformation.context import CfnContext, get_att, ref, sub
from archbuilder.exporters.cloudformation.kit import assumable_role, by_hand, prop
from archbuilder.model import ServiceNode
from archbuilder.model.naming import snake

JSON_1_0, JSON_1_1, FORM = (
    "application/x-amz-json-1.0",
    "application/x-amz-json-1.1",
    "application/x-www-form-urlencoded",
)
# Messages of one API keep their order in a FIFO queue or topic (one message group); each request is sent once.
FIFO_FIELDS = "&MessageGroupId=%s&MessageDeduplicationId=$context.requestId"


@dataclass(frozen=True)
class ServiceAction:
    """How the integration calls one service (which connections ask for it: catalog/export_gaps.py): the IAM
    action the role is allowed, the integration's URI, the request's content type and its mapping template (`%s`
    is the target's logical id, as Fn::Sub reads it), and whether the target's ARN is its Ref or its Arn
    attribute."""

    action: str
    uri: str
    content_type: str
    template: str
    arn_is_ref: bool
    policy_name: str


ACTIONS: dict[str, ServiceAction] = {
    "kinesis_stream": ServiceAction(
        "kinesis:PutRecord",
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:kinesis:action/PutRecord",
        JSON_1_1,
        # The request body goes to the stream as the record's data; the request id spreads records over shards.
        '{"StreamName": "${%s}", "Data": "$util.base64Encode($input.body)", "PartitionKey": "$context.requestId"}',
        arn_is_ref=False,
        policy_name="put-records",
    ),
    "sqs_queue": ServiceAction(
        "sqs:SendMessage",
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${%s.QueueName}",
        FORM,
        "Action=SendMessage&MessageBody=$util.urlEncode($input.body)",
        arn_is_ref=False,
        policy_name="send-messages",
    ),
    "sns_topic": ServiceAction(
        "sns:Publish",
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:sns:action/Publish",
        FORM,
        "Action=Publish&TopicArn=$util.urlEncode('${%s}')&Message=$util.urlEncode($input.body)",
        arn_is_ref=True,
        policy_name="publish",
    ),
    "step_functions": ServiceAction(
        "states:StartExecution",
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution",
        JSON_1_0,
        # The request body, as a JSON string, is the execution's input.
        '{"input": "$util.escapeJavaScript($input.body)", "stateMachineArn": "${%s}"}',
        arn_is_ref=True,
        policy_name="start-executions",
    ),
}


# An HTTP API calls the same services through first-class integrations: (subtype, the parameter naming the
# target by its Ref, the request's other parameters). The API Gateway developer guide's "Integration subtype
# reference" (HTTP APIs, payload format 1.0), checked 2026-12-06; it has no SNS subtype.
HTTP_SUBTYPES: dict[str, tuple[str, str, dict[str, str]]] = {
    "kinesis_stream": (
        "Kinesis-PutRecord",
        "StreamName",
        {"Data": "$request.body", "PartitionKey": "$context.requestId"},
    ),
    "sqs_queue": ("SQS-SendMessage", "QueueUrl", {"MessageBody": "$request.body"}),
    "step_functions": ("StepFunctions-StartExecution", "StateMachineArn", {"Input": "$request.body"}),
}


class PathSegments:
    """The URL path segments of one API, each named after the label of what it leads to and unique among them
    (`orders`, then `orders-2`): API Gateway refuses two resources of one parent, or two routes, with one path."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def of(self, label: str) -> str:
        base = snake(label).replace("_", "-")
        name, number = base, 2
        while name in self._taken:
            name, number = f"{base}-{number}", number + 1
        self._taken.add(name)
        return name


def integrated_targets(ctx: CfnContext, node: ServiceNode) -> list[tuple[ServiceNode, ServiceAction]]:
    """The AWS services the API calls itself, in the order of its connections: those the catalog says its type
    integrates with (catalog/export_gaps.py, which the validation rule OPS-036 reads too)."""
    arch = ctx.architecture
    found = []
    for connection in ctx.graph.connections_of(node.id):
        if connection.source_id != node.id:
            continue
        target = arch.service(connection.target_id)
        action = ACTIONS.get(target.type)
        if action is not None and api_call_written(node.type, target.type, connection.kind.value):
            found.append((target, action))
    return found


def _service_role(ctx: CfnContext, node: ServiceNode, target: ServiceNode, action: ServiceAction) -> str:
    """The role the integration assumes: allowed the one action on the one target."""
    logical = ctx.lid(target)
    arn = ref(logical) if action.arn_is_ref else get_att(logical, "Arn")
    return assumable_role(
        ctx,
        ctx.lid(node, f"{logical}Role"),
        "apigateway.amazonaws.com",
        inline={action.policy_name: [{"Effect": "Allow", "Action": action.action, "Resource": arn}]},
    )


def http_service_route(
    ctx: CfnContext, node: ServiceNode, api: str, target: ServiceNode, action: ServiceAction, path: str
) -> str:
    """POST /<path> of an HTTP API hands the request body to the target through the subtype's integration;
    returns the route."""
    logical = ctx.lid(target)
    subtype, named, parameters = HTTP_SUBTYPES[target.type]
    request = {named: ref(logical), **parameters}
    if target.type == "sqs_queue" and prop(target, "fifo", False):
        request |= {"MessageGroupId": api, "MessageDeduplicationId": "$context.requestId"}
    integration = ctx.add(
        ctx.lid(node, f"{logical}Integration"),
        "AWS::ApiGatewayV2::Integration",
        {
            "ApiId": ref(api),
            "IntegrationType": "AWS_PROXY",
            "IntegrationSubtype": subtype,
            "CredentialsArn": get_att(_service_role(ctx, node, target, action), "Arn"),
            "RequestParameters": request,
            "PayloadFormatVersion": "1.0",
        },
    )
    return ctx.add(
        ctx.lid(node, f"{logical}Route"),
        "AWS::ApiGatewayV2::Route",
        {
            "ApiId": ref(api),
            "RouteKey": f"POST /{path}",
            "Target": sub(f"integrations/${{{integration}}}"),
        },
    )


def service_method(
    ctx: CfnContext,
    node: ServiceNode,
    api: str,
    target: ServiceNode,
    action: ServiceAction,
    authorization: dict[str, Any],
    path: str,
) -> str:
    """POST /<path> hands the request body to the target; the role the integration assumes may do that one
    action on that target only."""
    logical = ctx.lid(target)
    resource = ctx.add(
        ctx.lid(node, f"{logical}Resource"),
        "AWS::ApiGateway::Resource",
        {
            "RestApiId": ref(api),
            "ParentId": get_att(api, "RootResourceId"),
            "PathPart": path,
        },
    )
    role = _service_role(ctx, node, target, action)
    return ctx.add(
        ctx.lid(node, f"{logical}Method"),
        "AWS::ApiGateway::Method",
        {
            "RestApiId": ref(api),
            "ResourceId": ref(resource),
            "HttpMethod": "POST",
            **authorization,
            "Integration": {
                "Type": "AWS",
                "IntegrationHttpMethod": "POST",
                "Uri": sub(action.uri.replace("%s", logical)),
                "Credentials": get_att(role, "Arn"),
                "RequestParameters": {"integration.request.header.Content-Type": f"'{action.content_type}'"},
                "RequestTemplates": {"application/json": _request(action, target, logical, api)},
                "IntegrationResponses": [{"StatusCode": "200"}],
            },
            "MethodResponses": [{"StatusCode": "200"}],
        },
    )


def _request(action: ServiceAction, target: ServiceNode, logical: str, api: str) -> Any:
    template = action.template.replace("%s", logical)
    if target.type in ("sqs_queue", "sns_topic") and prop(target, "fifo", False):
        template += FIFO_FIELDS % api
    return sub(template) if "${" in template else template


def calls_not_written(ctx: CfnContext, node: ServiceNode, integrates: str) -> None:
    """Names each service the design has the API call that its export writes no integration for (the table of
    those it does is catalog/export_gaps.py's, which OPS-036 reads too), so that a connection is never dropped in
    silence; `integrates` says what it can."""
    arch = ctx.architecture
    for connection in ctx.graph.connections_of(node.id):
        kind = connection.kind.value
        if connection.source_id != node.id or kind not in API_CALLS:
            continue
        target = arch.service(connection.target_id)
        if api_call_written(node.type, target.type, kind):
            continue
        service = arch.catalog.get(target.type).short_name
        by_hand(
            ctx,
            node,
            f"integrate it with {target.label} ({service}, {kind}) yourself: the export writes {integrates} only",
        )
