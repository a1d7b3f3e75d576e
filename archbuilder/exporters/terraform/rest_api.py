"""A REST API in Terraform: the API, each method with its integration, and the deployment with its stage and
method settings, which CloudFormation writes as one Deployment resource."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Call, Expr
from archbuilder.model.naming import snake


def rest_api_blocks(conv: Converter_, logical: str, props: dict[str, Any]) -> list[Block]:
    _tf, name = conv.names[logical]
    api = f"aws_api_gateway_rest_api.{name}"
    blocks = [
        Block(
            "resource",
            ("aws_api_gateway_rest_api", name),
            {
                "name": props["Name"],
                "endpoint_configuration": Block(
                    "endpoint_configuration", (), {"types": props["EndpointConfiguration"]["Types"]}
                ),
            },
        )
    ]
    methods = [
        (snake(method), body["Properties"])
        for method, body in conv.resources.items()
        if body["Type"] == "AWS::ApiGateway::Method" and body["Properties"]["RestApiId"] == {"Ref": logical}
    ]
    for method_name, method in methods:
        blocks += _method_blocks(conv, api, method_name, method)
    deployments = [
        body
        for body in conv.resources.values()
        if body["Type"] == "AWS::ApiGateway::Deployment"
        and body["Properties"]["RestApiId"] == {"Ref": logical}
    ]
    if deployments:
        method_names = [method_name for method_name, _method in methods]
        responses = [
            f"aws_api_gateway_integration_response.{method_name}_{response['StatusCode']}"
            for method_name, method in methods
            for response in method["Integration"].get("IntegrationResponses") or []
        ]
        blocks += _deployment_blocks(api, name, method_names, deployments[0]["Properties"], responses)
    return blocks


def _method_blocks(conv: Converter_, api: str, method_name: str, p: dict[str, Any]) -> list[Block]:
    """A method and its integration, which Terraform writes as two resources."""
    method = Block(
        "resource",
        ("aws_api_gateway_method", method_name),
        {
            "rest_api_id": Expr(f"{api}.id"),
            "resource_id": conv.expr(p["ResourceId"]),
            "http_method": p["HttpMethod"],
            "authorization": p["AuthorizationType"],
            **({"authorizer_id": conv.expr(p["AuthorizerId"])} if "AuthorizerId" in p else {}),
        },
    )
    integration = p["Integration"]
    service_call = {  # an AWS service integration: the role it assumes and the request it makes
        "credentials": conv.expr(integration["Credentials"]) if "Credentials" in integration else None,
        "request_parameters": integration.get("RequestParameters"),
        "request_templates": conv.expr(integration["RequestTemplates"])
        if "RequestTemplates" in integration
        else None,
    }
    return [
        method,
        Block(
            "resource",
            ("aws_api_gateway_integration", method_name),
            {
                "rest_api_id": Expr(f"{api}.id"),
                "resource_id": conv.expr(p["ResourceId"]),
                "http_method": Expr(f"aws_api_gateway_method.{method_name}.http_method"),
                "type": integration["Type"],
                "integration_http_method": integration["IntegrationHttpMethod"],
                "uri": conv.expr(integration["Uri"]),
                **{key: value for key, value in service_call.items() if value is not None},
            },
        ),
        *_response_blocks(conv, api, method_name, p),
    ]


def _response_blocks(conv: Converter_, api: str, method_name: str, p: dict[str, Any]) -> list[Block]:
    """The responses of a method that is not a proxy: what it may answer and which integration response maps
    to it (CloudFormation writes both on the method, Terraform as a resource each)."""
    where = {
        "rest_api_id": Expr(f"{api}.id"),
        "resource_id": conv.expr(p["ResourceId"]),
        "http_method": Expr(f"aws_api_gateway_method.{method_name}.http_method"),
    }
    blocks = []
    for response in p.get("MethodResponses") or []:
        name = f"{method_name}_{response['StatusCode']}"
        blocks.append(
            Block(
                "resource",
                ("aws_api_gateway_method_response", name),
                {**where, "status_code": response["StatusCode"]},
            )
        )
    for response in p["Integration"].get("IntegrationResponses") or []:
        name = f"{method_name}_{response['StatusCode']}"
        blocks.append(
            Block(
                "resource",
                ("aws_api_gateway_integration_response", name),
                {
                    **where,
                    "status_code": response["StatusCode"],
                    "depends_on": [
                        Expr(f"aws_api_gateway_integration.{method_name}"),
                        Expr(f"aws_api_gateway_method_response.{name}"),
                    ],
                },
            )
        )
    return blocks


def _deployment_blocks(
    api: str, name: str, method_names: list[str], deployment: dict[str, Any], responses: list[str]
) -> list[Block]:
    """The deployment of the API's methods (with their integration responses), its stage and the stage's
    method settings."""
    integrations = [f"aws_api_gateway_integration.{method_name}" for method_name in method_names] + responses
    redeploy_on = [
        address
        for method_name in method_names
        for address in (f"aws_api_gateway_method.{method_name}", f"aws_api_gateway_integration.{method_name}")
    ]
    return [
        Block(
            "resource",
            ("aws_api_gateway_deployment", name),
            {
                "rest_api_id": Expr(f"{api}.id"),
                # A new deployment whenever a method or its integration changes (any argument): without one, the stage
                # keeps serving the API as it was first deployed.
                "triggers": {
                    "redeployment": Call("sha1", Call("jsonencode", [Expr(r) for r in redeploy_on]))
                },
                "depends_on": [Expr(integration) for integration in integrations],
                "lifecycle": Block("lifecycle", (), {"create_before_destroy": True}),
            },
        ),
        Block(
            "resource",
            ("aws_api_gateway_stage", name),
            {
                "rest_api_id": Expr(f"{api}.id"),
                "deployment_id": Expr(f"aws_api_gateway_deployment.{name}.id"),
                "stage_name": deployment["StageName"],
            },
        ),
        *_method_settings(api, name, deployment),
    ]


def _method_settings(api: str, name: str, deployment: dict[str, Any]) -> list[Block]:
    """The stage's method settings (its throttling) are a resource of their own, for all methods ("*/*")."""
    blocks = []
    for setting in (deployment.get("StageDescription") or {}).get("MethodSettings") or []:
        if (setting["ResourcePath"], setting["HttpMethod"]) != ("/*", "*"):
            raise ValueError("method settings for single methods have no Terraform form here")
        settings = {"throttling_rate_limit": setting.get("ThrottlingRateLimit")}
        blocks.append(
            Block(
                "resource",
                ("aws_api_gateway_method_settings", name),
                {
                    "rest_api_id": Expr(f"{api}.id"),
                    "stage_name": Expr(f"aws_api_gateway_stage.{name}.stage_name"),
                    "method_path": "*/*",
                    "settings": Block("settings", (), {k: v for k, v in settings.items() if v is not None}),
                },
            )
        )
    return blocks
