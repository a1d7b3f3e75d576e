"""`--format terraform`: versions.tf, providers.tf, variables.tf, main.tf and outputs.tf, formatted as terraform fmt would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from archbuilder.exporters.cloudformation.manual import comment, manual_steps, written_instead_comment
from archbuilder.exporters.cloudformation.protection import keeps_data
from archbuilder.exporters.cloudformation.tagging import design_tag, name_tag
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.registry import ExportError, Progress
from archbuilder.exporters.terraform.certificates import (
    CLOUDFRONT_PROVIDER,
    CLOUDFRONT_REGION,
    cloudfront_certificates,
)
from archbuilder.exporters.terraform.compute import extra_target_attachments
from archbuilder.exporters.terraform.conditions import locals_block
from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.data import bucket_companions
from archbuilder.exporters.terraform.hcl_writer import Block, Expr, document, written_document
from archbuilder.exporters.terraform.hcl_writer import block as block_text
from archbuilder.exporters.terraform.ordering import Ordering
from archbuilder.exporters.terraform.packages import PACKAGES_NOTE
from archbuilder.exporters.terraform.rest_api import rest_api_blocks
from archbuilder.exporters.terraform.source_files import written_back
from archbuilder.exporters.terraform.writers import COMPANION_WRITERS, RESOURCE_WRITERS
from archbuilder.fileio import write_atomic
from archbuilder.importers.terraform_comments import DESCRIPTION_PREFIX, TYPES_HEADING
from archbuilder.importers.terraform_names import LABELS_HEADING
from archbuilder.model import Architecture, RegionNode
from archbuilder.model.naming import snake
from archbuilder.model.text import one_line

# Folded into another resource's arguments (the IGW's vpc_id) or rendered together with their API.
FOLDED = {"AWS::EC2::VPCGatewayAttachment", "AWS::ApiGateway::Method", "AWS::ApiGateway::Deployment"}
AWS_PROVIDER = "~> 5.60"


def export(architecture: Architecture, out_dir: Path, progress: Progress | None = None) -> list[Path]:
    written = []
    for name, content in render_files(architecture).items():
        target = out_dir / name
        write_atomic(target, content)
        written.append(target)
    return written


def render_files(architecture: Architecture) -> dict[str, bytes]:
    """Every file of the export: the .tf files and the zips of the functions' placeholder code (packages.py)."""
    template = build_template(architecture, for_terraform=True)
    conv = Converter_(template)

    def from_model(design: Architecture) -> dict[str, str]:
        # The template and its names are worked out once for the design itself (a large one spends seconds
        # on them); the baseline of a design imported from Terraform is another design, rendered apart.
        if design is architecture:
            return render_template(design, template, conv)
        return _render_model(design)

    files = {name: text.encode("utf-8") for name, text in written_back(architecture, from_model).items()}
    return files | conv.packages


def render(architecture: Architecture) -> dict[str, str]:
    """The .tf files of the export, by name; a design imported from Terraform gets its files back with its
    edits applied (source_files.py)."""
    return written_back(architecture, _render_model)


def _render_model(architecture: Architecture) -> dict[str, str]:
    return render_template(architecture, build_template(architecture, for_terraform=True))


def render_template(
    architecture: Architecture, template: dict[str, Any], conv: Converter_ | None = None
) -> dict[str, str]:
    conv = conv or Converter_(template)
    _refuse_unsupported(conv)
    if architecture.metadata.export_defaults.tags:
        conv.default_tags = {
            "Environment": architecture.metadata.environment.value,
            "Design": design_tag(architecture.metadata.name),
        }
    ordering = Ordering(conv)
    # Each resource's blocks are written as soon as they are made: a large design's are never all held at once.
    written: list[str] = []
    for logical, body in template["Resources"].items():
        written += map(block_text, _resource_of(conv, ordering, logical, body))
    blocks = _data_sources(conv.ssm_parameters)
    conditions = locals_block(conv)
    if conditions is not None:
        # After the data sources, before the resources that read them.
        blocks.append(conditions)
    written[0:0] = map(block_text, blocks)
    # The comments atop main.tf open its first block's text, so that its 40 MB (at 20,000 services) are joined
    # into one text once, not copied again behind them.
    written[0] = (
        _header(architecture)
        + _manual_comment(template)
        + _labels_comment(template, conv)
        + _types_comment(template, conv)
        + (PACKAGES_NOTE if conv.packages else "")
        + written[0]
    )
    return {
        "versions.tf": document([_terraform_settings()]) + _backend_example(architecture),
        "providers.tf": document(_providers(architecture, template)),
        "variables.tf": document(_variables(architecture, template)),
        "main.tf": written_document(written),
        "outputs.tf": document(_outputs(conv, template)),
    }


def _refuse_unsupported(conv: Converter_) -> None:
    unsupported = sorted(set(conv.of_type) - set(RESOURCE_WRITERS) - FOLDED - {"AWS::ApiGateway::RestApi"})
    if unsupported:
        raise ExportError(
            f"the Terraform exporter cannot express these resource types yet: {', '.join(unsupported)}; "
            "nothing was written (the CloudFormation export supports them)"
        )


def _data_sources(ssm: set[str]) -> list[Block]:
    """The zones, region, account and partition the resources refer to, and the SSM parameters they read."""
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
    return blocks


def _resource_of(conv: Converter_, ordering: Ordering, logical: str, body: dict[str, Any]) -> list[Block]:
    """The blocks one template resource becomes (none for one folded into another's)."""
    # The writers only read the properties (a copy of each resource's would be 70,000 at 20,000 services).
    kind, props = body["Type"], body.get("Properties") or {}
    depends = body.get("DependsOn")
    if depends:
        # Kept for the ordering pass (ordering.py) and for the bucket notification's writer.
        props = {**props, "_DependsOn": [depends] if isinstance(depends, str) else list(depends)}
    if kind in FOLDED:
        return []
    roles_before = conv.role_references
    try:
        written = _resource_blocks(conv, logical, kind, props)
    except (KeyError, TypeError, ValueError) as error:
        # Imported resources keep the properties they were imported with, which may lack what the
        # conversion of their type reads.
        raise ExportError(
            f"{logical} ({kind}): the Terraform exporter cannot express this resource's properties "
            f"({type(error).__name__}: {error}); nothing was written"
        ) from None
    ordering.apply(logical, kind, props, written, names_a_role=conv.role_references != roles_before)
    if keeps_data(body):
        _prevent_destroy(written, conv.names[logical])
    return written


def _terraform_settings() -> Block:
    providers: dict[str, Any] = {"aws": {"source": "hashicorp/aws", "version": AWS_PROVIDER}}
    return Block(
        "terraform",
        (),
        {
            "required_version": ">= 1.5",
            "required_providers": Block("required_providers", (), providers),
        },
    )


def _outputs(conv: Converter_, template: dict[str, Any]) -> list[Block]:
    return [
        Block(
            "output",
            (snake(name),),
            {"description": spec.get("Description", name), "value": conv.expr(spec["Value"])},
        )
        for name, spec in sorted((template.get("Outputs") or {}).items())
    ]


def _resource_blocks(conv: Converter_, logical: str, kind: str, props: dict[str, Any]) -> list[Block]:
    if kind == "AWS::ApiGateway::RestApi":
        return rest_api_blocks(conv, logical, props)
    blocks = RESOURCE_WRITERS[kind](conv, logical, props)
    if kind == "AWS::S3::Bucket":
        blocks += bucket_companions(conv, logical, props)
    if kind == "AWS::ElasticLoadBalancingV2::TargetGroup":
        blocks += extra_target_attachments(conv, logical, props)
    for companion in COMPANION_WRITERS.get(kind, []):
        blocks += companion(conv, logical, props)
    return blocks


def _prevent_destroy(blocks: list[Block], primary: tuple[str, str]) -> None:
    """CloudFormation keeps the resource (or its snapshot) on delete: Terraform refuses to destroy it."""
    for block in blocks:
        if block.type == "resource" and block.labels == primary:
            lifecycle = block.body.setdefault("lifecycle", Block("lifecycle", (), {}))
            lifecycle.body["prevent_destroy"] = True


def _providers(architecture: Architecture, template: dict[str, Any]) -> list[Block]:
    """The aws provider in the region variable, and one aliased to us-east-1 where CloudFront certificates are;
    both tag every resource they make with the project, and (production defaults) environment and design."""
    tagged: dict[str, Any] = {"Project": Expr("var.name"), "ManagedBy": "archbuilder"}
    if architecture.metadata.export_defaults.tags:
        tagged |= {"Environment": Expr("var.environment"), "Design": design_tag(architecture.metadata.name)}
    tags = Block("default_tags", (), {"tags": tagged})
    blocks = [Block("provider", ("aws",), {"region": Expr("var.region"), "default_tags": tags})]
    if cloudfront_certificates(template["Resources"]):
        alias = {
            "alias": CLOUDFRONT_PROVIDER.split(".")[1],
            "region": CLOUDFRONT_REGION,
            "default_tags": tags,
        }
        blocks.append(Block("provider", ("aws",), alias))
    return blocks


# A state backend is the team's choice (a bucket of its own, its locking): shown, commented, never chosen.
BACKEND_EXAMPLE = """
# State: choose a backend before the first apply, for example S3 with its lock file (Terraform 1.10 and later):
#
# terraform {
#   backend "s3" {
#     key          = "{key}/terraform.tfstate"
#     use_lockfile = true
#     encrypt      = true
#   }
# }
#
# A backend block takes no variables: give the rest when initialising, from the environment, e.g.
#   terraform init -backend-config="bucket=$TF_STATE_BUCKET" -backend-config="region=$TF_STATE_REGION"
"""


def _backend_example(architecture: Architecture) -> str:
    if not architecture.metadata.export_defaults.terraform_backend_example:
        return ""
    return BACKEND_EXAMPLE.replace(
        "{key}", snake(architecture.metadata.name).replace("_", "-")[:32] or "design"
    )


def _manual_comment(template: dict[str, Any]) -> str:
    """What the CloudFormation side names in its Metadata as left to do by hand, here as a comment."""
    text = "\n".join(
        part for part in (comment(manual_steps(template)), written_instead_comment(template)) if part
    )
    return text + "\n" if text else ""


# Types whose Name tag the Terraform export writes where an import reads no label from it: a Direct Connect
# gateway takes no tags; a scaling group writes its tags as `tag` blocks, to propagate them to its instances.
NAME_TAG_NOT_READ = frozenset({"aws_dx_gateway", "aws_autoscaling_group"})


def _labels_comment(template: dict[str, Any], conv: Converter_) -> str:
    """The labels a resource's name loses (`Orders API` is orders_api), for the resources without a Name tag that
    says them: a comment, as the CloudFormation side keeps them in its Metadata, so nothing AWS deploys changes."""
    recorded = (template.get("Metadata") or {}).get("archbuilder", {}).get("labels", {})
    lines = []
    resources = template["Resources"]
    for logical, label in recorded.items():
        named = conv.names.get(logical)
        if named is None:
            continue
        tf_type, name = named
        # Most labels are their resource's Name tag: that is looked at before the label's characters (unless
        # Terraform's resource keeps no Name tag the import reads).
        if name.replace("_", " ").capitalize() == label or (
            name_tag(resources[logical]) == label and tf_type not in NAME_TAG_NOT_READ
        ):
            continue
        if label == one_line(label):
            lines.append(f"#   {tf_type}.{name}: {label}")
    return "\n".join([LABELS_HEADING, *lines]) + "\n\n" if lines else ""


def _types_comment(template: dict[str, Any], conv: Converter_) -> str:
    """The service types a resource's type does not tell (an ECS service on Fargate), as the CloudFormation side
    names them in its Metadata: a comment, read back by the import."""
    recorded = (template.get("Metadata") or {}).get("archbuilder", {}).get("types", {})
    lines = [
        f"#   {'.'.join(conv.names[logical])}: {kind}"
        for logical, kind in recorded.items()
        if logical in conv.names
    ]
    return "\n".join([TYPES_HEADING, *lines]) + "\n\n" if lines else ""


def _header(architecture: Architecture) -> str:
    # A comment ends at a line break: the name goes in as one line whatever it holds, and the description as a
    # JSON string of ASCII characters (its line breaks and every other character escaped), which the import reads
    # back as it was written.
    description = architecture.metadata.description
    return (
        f"# {one_line(architecture.metadata.name)}\n"
        "# Generated by archbuilder from the design of the same name; edit the design, not this file.\n"
        + (f"{DESCRIPTION_PREFIX}{json.dumps(description)}\n" if description else "")
        + "\n"
    )


def _parameters_by_variable(template: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The template's parameters, one per variable name, in name order. A variable a design imported from Terraform
    keeps under its own name gives way to the parameter the rendering writes for the same setting, which holds the
    design's value (an edit changes its default)."""
    chosen: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, spec in sorted((template.get("Parameters") or {}).items()):
        if snake(name) not in chosen or name != snake(name):
            chosen[snake(name)] = (name, spec)
    return list(chosen.values())


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
    if architecture.metadata.export_defaults.tags:
        blocks.append(
            Block(
                "variable",
                ("environment",),
                {
                    "description": "Environment the resources are tagged with",
                    "type": Expr("string"),
                    "default": architecture.metadata.environment.value,
                },
            )
        )
    for name, spec in _parameters_by_variable(template):
        # A parameter without a default is a variable the apply must be given; a list parameter (the subnets
        # of an existing network) is a list of strings.
        listed = str(spec.get("Type", "")).startswith("List<") or spec.get("Type") == "CommaDelimitedList"
        default: dict[str, Any] = {}
        if "Default" in spec:
            written = str(spec["Default"])
            default = {"default": [p.strip() for p in written.split(",") if p.strip()] if listed else written}
        # NoEcho: Terraform keeps the value out of plans and logs, as CloudFormation keeps it out of its console.
        sensitive = {"sensitive": True} if str(spec.get("NoEcho", "")).lower() == "true" else {}
        blocks.append(
            Block(
                "variable",
                (snake(name),),
                {
                    "description": spec.get("Description", name),
                    "type": Expr("list(string)" if listed else "string"),
                    **default,
                    **sensitive,
                },
            )
        )
    return blocks
