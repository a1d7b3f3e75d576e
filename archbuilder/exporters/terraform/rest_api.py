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
        (m, body)
        for m, body in conv.resources.items()
        if body["Type"] == "AWS::ApiGateway::Method" and body["Properties"]["RestApiId"] == {"Ref": logical}
    ]
    integrations, redeploy_on = [], []
    for method_logical, body in methods:
        method_name = snake(method_logical)
        p = body["Properties"]
        blocks.append(
            Block(
                "resource",
                ("aws_api_gateway_method", method_name),
                {
                    "rest_api_id": Expr(f"{api}.id"),
                    "resource_id": conv.expr(p["ResourceId"]),
                    "http_method": p["HttpMethod"],
                    "authorization": p["AuthorizationType"],
                },
            )
        )
        integration = p["Integration"]
        blocks.append(
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
                },
            )
        )
        integrations.append(f"aws_api_gateway_integration.{method_name}")
        redeploy_on += [f"aws_api_gateway_method.{method_name}", f"aws_api_gateway_integration.{method_name}"]
    deployments = [
        body
        for body in conv.resources.values()
        if body["Type"] == "AWS::ApiGateway::Deployment"
        and body["Properties"]["RestApiId"] == {"Ref": logical}
    ]
    if deployments:
        blocks.append(
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
            )
        )
        blocks.append(
            Block(
                "resource",
                ("aws_api_gateway_stage", name),
                {
                    "rest_api_id": Expr(f"{api}.id"),
                    "deployment_id": Expr(f"aws_api_gateway_deployment.{name}.id"),
                    "stage_name": deployments[0]["Properties"]["StageName"],
                },
            )
        )
        blocks += _method_settings(api, name, deployments[0]["Properties"])
    return blocks


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
