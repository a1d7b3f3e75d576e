"""Reads each side of `archbuilder diff` into one shape: resources (type, properties, attributes) and the
template's other sections. A CloudFormation template (YAML or JSON), Terraform (a .tf file or a folder of
them), or a design, which is compared as the template its export writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from archbuilder.importers.cfn_yaml import TemplateError, load_template

Format = Literal["cloudformation", "terraform"]

# Resource keys beside Type and Properties: what CloudFormation does with the resource, not what it is.
CFN_ATTRIBUTES = (
    "DependsOn",
    "Condition",
    "DeletionPolicy",
    "UpdateReplacePolicy",
    "UpdatePolicy",
    "CreationPolicy",
    "Metadata",
)
# Terraform meta-arguments: how Terraform manages the resource, not its settings.
TF_META_ARGUMENTS = ("depends_on", "count", "for_each", "provider", "lifecycle")
# Template sections compared by name, in the order they are reported.
CFN_SECTIONS = ("Description", "Transform", "Metadata", "Parameters", "Mappings", "Conditions", "Outputs")
TF_SECTIONS = ("terraform", "provider", "variable", "locals", "data", "module", "output")


@dataclass(frozen=True)
class Resource:
    type: str
    properties: dict[str, Any]
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IacDocument:
    """One side of a comparison. Terraform resources are named by address (`aws_vpc.main`)."""

    source: str
    format: Format
    resources: dict[str, Resource]
    sections: dict[str, dict[str, Any]]  # section -> name -> value (a single-valued section under "")


class DiffInputError(ValueError):
    """A side cannot be read or compared; the message names the file and the place."""


def is_terraform(path: Path) -> bool:
    return path.is_dir() or path.suffix == ".tf"


def is_design(path: Path) -> bool:
    return path.name.endswith(".arch.json")


def load_side(path: Path, design_format: Format = "cloudformation") -> IacDocument:
    """Read one side; a design is exported to `design_format` first."""
    if not path.exists():
        raise DiffInputError(f"{path}: no such file or folder")
    try:
        if is_design(path):
            return _design(path, design_format)
        if is_terraform(path):
            from archbuilder.importers.terraform import read_terraform

            return terraform_document(str(path), read_terraform(path))
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DiffInputError(f"{path}: cannot read: {exc.strerror}") from None
        return cloudformation_document(str(path), load_template(raw, str(path)))
    except TemplateError as exc:
        raise DiffInputError(str(exc)) from None


def _design(path: Path, design_format: Format) -> IacDocument:
    from archbuilder.exporters.registry import ExportError
    from archbuilder.model import DocumentError, load

    try:
        architecture = load(path)
    except DocumentError as exc:
        raise DiffInputError(str(exc)) from None
    try:
        if design_format == "terraform":
            from archbuilder.exporters.terraform.files import render
            from archbuilder.importers.terraform import parse_terraform_text

            files = render(architecture)
            parsed = [(name, parse_terraform_text(text, f"{path} ({name})")) for name, text in files.items()]
            return terraform_document(str(path), parsed)
        from archbuilder.exporters.cloudformation.source_template import cloudformation_template

        return cloudformation_document(str(path), cloudformation_template(architecture))
    except ExportError as exc:
        raise DiffInputError(f"{path}: cannot be exported to {design_format}: {exc}") from None


def cloudformation_document(source: str, template: dict[str, Any]) -> IacDocument:
    resources: dict[str, Resource] = {}
    raw = template.get("Resources")
    if not isinstance(raw, dict):
        raise DiffInputError(f"{source}: not a CloudFormation template (no Resources)")
    for name, body in raw.items():
        if not isinstance(body, dict) or not isinstance(body.get("Type"), str):
            raise DiffInputError(f"{source}: Resources.{name}: a resource needs a Type")
        properties = body.get("Properties")
        resources[str(name)] = Resource(
            type=body["Type"],
            properties=properties if isinstance(properties, dict) else {},
            attributes={key: body[key] for key in CFN_ATTRIBUTES if key in body},
        )
    sections: dict[str, dict[str, Any]] = {}
    for section in CFN_SECTIONS:
        value = template.get(section)
        if value is None:
            continue
        sections[section] = (
            {str(k): v for k, v in value.items()}
            if isinstance(value, dict) and section not in ("Description", "Transform")
            else {"": value}
        )
    return IacDocument(source, "cloudformation", resources, sections)


def terraform_document(source: str, files: list[tuple[str, dict[str, Any]]]) -> IacDocument:
    """Terraform parsed by python-hcl2 (plain values: literal strings unquoted, expressions as `${...}`)."""
    resources: dict[str, Resource] = {}
    sections: dict[str, dict[str, Any]] = {}
    for _file, data in files:
        for entry in data.get("resource") or []:
            for tf_type, named in entry.items():
                for name, body in named.items():
                    body = body if isinstance(body, dict) else {}
                    resources[f"{tf_type}.{name}"] = Resource(
                        type=tf_type,
                        properties={k: v for k, v in body.items() if k not in TF_META_ARGUMENTS},
                        attributes={k: body[k] for k in TF_META_ARGUMENTS if k in body},
                    )
        for section in TF_SECTIONS:
            for entry in data.get(section) or []:
                if not isinstance(entry, dict):
                    continue
                _add_terraform_section(sections.setdefault(section, {}), section, entry)
    return IacDocument(source, "terraform", resources, {k: v for k, v in sections.items() if v})


def _add_terraform_section(into: dict[str, Any], section: str, entry: dict[str, Any]) -> None:
    if section in ("locals", "terraform"):
        into.update(entry) if section == "locals" else into.setdefault("", {}).update(entry)
        return
    if section == "data":
        for data_type, named in entry.items():
            for name, body in (named or {}).items():
                into[f"data.{data_type}.{name}"] = body
        return
    for name, body in entry.items():
        into[str(name)] = body
