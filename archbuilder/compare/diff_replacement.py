"""Which property changes replace a resource: CloudFormation's resource schemas say so per type
(resources/replacement/cloudformation.json, made by scripts/make_create_only.py from cfn-lint's copy).

Terraform's provider schema does not publish which arguments force a new resource, so a Terraform argument is
judged by the CloudFormation property of the same name on the matching CloudFormation type (`cidr_block` of
`aws_subnet` as `CidrBlock` of `AWS::EC2::Subnet`): an approximation, said so where it is shown.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Literal

from archbuilder.model.naming import snake

Replacement = Literal["", "replaces", "may replace"]


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    text = (files("archbuilder.resources") / "replacement" / "cloudformation.json").read_text("utf-8")
    types: dict[str, dict[str, list[str]]] = json.loads(text)["types"]
    return types


def source_note() -> str:
    text = (files("archbuilder.resources") / "replacement" / "cloudformation.json").read_text("utf-8")
    return str(json.loads(text)["source"])


def replacement(resource_type: str, path: str) -> Replacement:
    """Whether changing the property at `path` (dotted, from the resource's properties) replaces it."""
    entry = _table().get(resource_type) or _table().get(_cloudformation_type(resource_type), {})
    parts = path.split(".")
    if resource_type.startswith("aws_"):
        parts = [_cloudformation_name(resource_type, parts[0]), *parts[1:]]
    for kind, label in (("replaces", "replaces"), ("may_replace", "may replace")):
        for candidate in entry.get(kind, []):
            wanted = candidate.split(".")
            if parts[: len(wanted)] == wanted:
                return label  # type: ignore[return-value]
    return ""


@cache
def _terraform_to_cloudformation() -> dict[str, str]:
    from archbuilder.catalog import default_catalog
    from archbuilder.exporters.terraform.convert import TYPES

    mapping: dict[str, str] = {}
    for cfn_type, (tf_type, _ref, _atts) in TYPES.items():
        mapping.setdefault(tf_type, cfn_type)
    for service in default_catalog():
        for tf_type in service.terraform_types:
            if service.cfn_types:
                mapping.setdefault(tf_type, service.cfn_types[0])
    return mapping


def _cloudformation_type(resource_type: str) -> str:
    return _terraform_to_cloudformation().get(resource_type, "")


def _cloudformation_name(resource_type: str, argument: str) -> str:
    """The CloudFormation property of the matching type whose snake_case name is `argument` ("" if none)."""
    entry = _table().get(_cloudformation_type(resource_type), {})
    for paths in entry.values():
        for path in paths:
            head = path.split(".")[0]
            if snake(head) == argument:
                return head
    return ""
