"""What counts as the same value in a template: read by `archbuilder diff` and by the export that writes an
imported template back (exporters/write_back.py).

Normalisations (each one is something CloudFormation or Terraform itself treats as the same):
- a number or boolean and its text (`5` and `"5"`, `true` and `"true"`): CloudFormation converts them;
- `Fn::GetAtt: A.B` and `Fn::GetAtt: [A, B]`;
- a one-item `DependsOn` and its list, and the order of `DependsOn`;
- the order of tags (`Tags` as Key/Value lists are compared by key);
- the order of items in lists that are sets: IAM statements and their actions, resources and principals,
  security group rules, subnets, security groups, managed policies;
- an IAM policy document written as JSON text (Terraform `jsonencode(...)` or a JSON string) and as a
  structure.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# Properties whose lists are sets: their order means nothing to AWS.
UNORDERED = frozenset(
    {
        "SecurityGroupIngress",
        "SecurityGroupEgress",
        "SecurityGroups",
        "SecurityGroupIds",
        "VpcSecurityGroupIds",
        "Subnets",
        "SubnetIds",
        "VPCZoneIdentifier",
        "ManagedPolicyArns",
        "Roles",
        "AttributeDefinitions",
        "DependsOn",
        "depends_on",
        "subnet_ids",
        "subnets",
        "security_groups",
        "vpc_security_group_ids",
        "vpc_zone_identifier",
        "managed_policy_arns",
        "Aliases",
        "aliases",
    }
)
STATEMENT_SETS = ("Action", "NotAction", "Resource", "NotResource")


def canonical(value: Any, key: str = "") -> Any:
    """A form in which two semantically equal values are equal (see the module docstring); `key` is the
    property the value sits under, which says whether a list's order counts."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if isinstance(value, str):
        if key in ("DependsOn", "depends_on"):
            return [value]
        document = policy_document(value)
        return value if document is None else canonical(document)
    if isinstance(value, list):
        tags = tags_as_mapping(value)
        if tags is not None:
            return {"Tags": canonical(tags)}
        items = [canonical(item) for item in value]
        return sorted(items, key=_key) if key in UNORDERED else items
    if isinstance(value, dict):
        if set(value) == {"Fn::GetAtt"} and isinstance(value["Fn::GetAtt"], str):
            return {"Fn::GetAtt": value["Fn::GetAtt"].split(".", 1)}
        shaped = {str(k): canonical(item, str(k)) for k, item in value.items()}
        if "Statement" in value:
            shaped["Statement"] = sorted((canonical(s) for s in statements(value)), key=_key)
        return shaped
    return value


def same(before: Any, after: Any, key: str = "") -> bool:
    return _key(canonical(before, key)) == _key(canonical(after, key))


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def set_key(value: Any) -> str:
    """Identity of an item of a set-like list."""
    return _key(canonical(value))


def policy_document(value: Any, decoded_call: Callable[[str], Any] | None = None) -> dict[str, Any] | None:
    """`value` as an IAM policy document, or None: a structure with a Statement, or the same written as
    JSON text (Terraform `jsonencode({...})`, a JSON string). `decoded_call` gives what `${jsonencode(x)}` encodes
    where the HCL reader read it already, None where it did not (then the text is parsed)."""
    if isinstance(value, dict):
        return value if "Statement" in value else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.startswith("${jsonencode(") and text.endswith(")}"):
        inner = text[len("${jsonencode(") : -2]
        decoded = decoded_call(text) if decoded_call is not None else None
        decoded = _hcl_object(inner) if decoded is None else decoded
    elif text.startswith("{") and '"Statement"' in text:
        try:
            decoded = json.loads(text)
        except ValueError:
            return None
    else:
        return None
    return decoded if isinstance(decoded, dict) and "Statement" in decoded else None


def _hcl_object(text: str) -> Any:
    from archbuilder.importers.cfn_yaml import TemplateError
    from archbuilder.importers.terraform import parse_terraform_text

    try:
        return parse_terraform_text(f"policy_document = {text}\n", "policy").get("policy_document")
    except TemplateError:
        return None


def statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's statements with their set-valued fields as sorted lists (one statement may be a dict)."""
    raw = document.get("Statement")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    return [_statement(item) for item in items if isinstance(item, dict)]


def _statement(statement: dict[str, Any]) -> dict[str, Any]:
    shaped = dict(statement)
    for key in STATEMENT_SETS:
        if key in shaped:
            shaped[key] = _sorted_set(shaped[key])
    principal = shaped.get("Principal")
    if isinstance(principal, dict):
        shaped["Principal"] = {kind: _sorted_set(who) for kind, who in principal.items()}
    return shaped


def _sorted_set(value: Any) -> list[Any]:
    items = value if isinstance(value, list) else [value]
    return sorted(items, key=set_key)


def tags_as_mapping(value: Any) -> dict[str, Any] | None:
    """A CloudFormation Key/Value tag list as {key: value}, or None when `value` is not one."""
    if not isinstance(value, list) or not value:
        return None
    if not all(
        isinstance(t, dict) and set(t) == {"Key", "Value"} and isinstance(t["Key"], str) for t in value
    ):
        return None
    return {t["Key"]: t["Value"] for t in value}
