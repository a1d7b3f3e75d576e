"""`--format terraform`: versions.tf, providers.tf, variables.tf, main.tf and outputs.tf, formatted as terraform fmt would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError, Progress
from archbuilder.exporters.terraform.compute import extra_target_attachments, function_archive
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.data import bucket_companions
from archbuilder.exporters.terraform.hcl_writer import Block, Expr, document
from archbuilder.exporters.terraform.ordering import Ordering
from archbuilder.exporters.terraform.writers import COMPANION_WRITERS, RESOURCE_WRITERS
from archbuilder.model import Architecture, RegionNode
from archbuilder.model.naming import snake
from archbuilder.model.serialization import write_atomic
from archbuilder.model.text import one_line

# Folded into another resource's arguments (the IGW's vpc_id) or rendered together with their API.
FOLDED = {"AWS::EC2::VPCGatewayAttachment", "AWS::ApiGateway::Method", "AWS::ApiGateway::Deployment"}
AWS_PROVIDER = "~> 5.60"


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    files = render(architecture)
    written = []
    for name, text in files.items():
        target = out_dir / name
        write_atomic(target, text.encode("utf-8"))
        written.append(target)
    return written


def render(architecture: Architecture) -> dict[str, str]:
    template = build_template(architecture)
    unsupported = sorted(
        {body["Type"] for body in template["Resources"].values()}
        - set(RESOURCE_WRITERS)
        - FOLDED
        - {"AWS::ApiGateway::RestApi"}
    )
    if unsupported:
        raise ExportError(
            f"the Terraform exporter cannot express these resource types yet: {', '.join(unsupported)}; "
            "nothing was written (the CloudFormation export supports them)"
        )
    conv = Converter_(template)
    ordering = Ordering(conv)
    ssm = conv.ssm_parameters
    blocks: list[Block] = [
        Block("data", ("aws_availability_zones", "available"), {"state": "available"}),
        Block("data", ("aws_region", "current"), {}),
        Block("data", ("aws_caller_identity", "current"), {}),
        Block("data", ("aws_partition", "current"), {}),
    ]
    blocks += [
        Block("data", ("aws_ssm_parameter", snake(name)), {"name": Expr(f"var.{snake(name)}")})
        for name in sorted(ssm)
    ]
    for logical, body in template["Resources"].items():
        kind, props = body["Type"], dict(body.get("Properties", {}))
        depends = body.get("DependsOn")
        if depends:
            # Kept for the ordering pass (ordering.py) and for the bucket notification's writer.
            props["_DependsOn"] = [depends] if isinstance(depends, str) else list(depends)
        if kind in FOLDED:
            continue
        try:
            written = _resource_blocks(conv, logical, kind, props)
        except (KeyError, TypeError, ValueError) as error:
            # Imported resources keep the properties they were imported with, which may lack what the
            # conversion of their type reads.
            raise ExportError(
                f"{logical} ({kind}): the Terraform exporter cannot express this resource's properties "
                f"({type(error).__name__}: {error}); nothing was written"
            ) from None
        ordering.apply(logical, kind, props, written)
        blocks += written
    # The archive provider zips the placeholder code of Lambda functions; a design without one does not ask
    # for a provider it never uses (terraform init would fetch it for nothing).
    providers: dict[str, Any] = {"aws": {"source": "hashicorp/aws", "version": AWS_PROVIDER}}
    if any(block.type == "data" and block.labels[:1] == ("archive_file",) for block in blocks):
        providers["archive"] = {"source": "hashicorp/archive", "version": "~> 2.4"}
    return {
        "versions.tf": document(
            [
                Block(
                    "terraform",
                    (),
                    {
                        "required_version": ">= 1.5",
                        "required_providers": Block("required_providers", (), providers),
                    },
                )
            ]
        ),
        "providers.tf": document(
            [
                Block(
                    "provider",
                    ("aws",),
                    {
                        "region": Expr("var.region"),
                        "default_tags": Block(
                            "default_tags",
                            (),
                            {"tags": {"Project": Expr("var.name"), "ManagedBy": "archbuilder"}},
                        ),
                    },
                )
            ]
        ),
        "variables.tf": document(_variables(architecture, template)),
        "main.tf": _header(architecture) + document(blocks),
        "outputs.tf": document(
            [
                Block(
                    "output",
                    (snake(name),),
                    {"description": spec.get("Description", name), "value": conv.expr(spec["Value"])},
                )
                for name, spec in sorted((template.get("Outputs") or {}).items())
            ]
        ),
    }


def _resource_blocks(conv: Converter_, logical: str, kind: str, props: dict[str, Any]) -> list[Block]:
    if kind == "AWS::ApiGateway::RestApi":
        return _rest_api(conv, logical, props)
    blocks = function_archive(conv, logical, props) if kind == "AWS::Lambda::Function" else []
    blocks += RESOURCE_WRITERS[kind](conv, logical, props)
    if kind == "AWS::S3::Bucket":
        blocks += bucket_companions(conv, logical, props)
    if kind == "AWS::ElasticLoadBalancingV2::TargetGroup":
        blocks += extra_target_attachments(conv, logical, props)
    for companion in COMPANION_WRITERS.get(kind, []):
        blocks += companion(conv, logical, props)
    return blocks


def _header(architecture: Architecture) -> str:
    # A comment ends at a line break: the name goes in as one line whatever it holds.
    return f"# {one_line(architecture.metadata.name)}\n# Generated by archbuilder from the design of the same name; edit the design, not this file.\n\n"


def _variables(architecture: Architecture, template: dict[str, Any]) -> list[Block]:
    region = next(
        (n.region for n in architecture.nodes.values() if isinstance(n, RegionNode)),
        architecture.metadata.default_region,
    )
    blocks = [
        Block(
            "variable",
            ("name",),
            {
                "description": "Name prefix of the resources",
                "type": Expr("string"),
                "default": snake(architecture.metadata.name).replace("_", "-")[:32],
            },
        ),
        Block(
            "variable",
            ("region",),
            {"description": "AWS region to deploy into", "type": Expr("string"), "default": region},
        ),
    ]
    for name, spec in sorted((template.get("Parameters") or {}).items()):
        blocks.append(
            Block(
                "variable",
                (snake(name),),
                {
                    "description": spec.get("Description", name),
                    "type": Expr("string"),
                    "default": str(spec.get("Default", "")),
                },
            )
        )
    return blocks


def _rest_api(conv: Converter_, logical: str, props: dict[str, Any]) -> list[Block]:
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
    integrations = []
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
