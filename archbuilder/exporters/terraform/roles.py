"""A role's policies as the aws provider wants them: one `aws_iam_role_policy_attachment` per managed policy
(`managed_policy_arns` is deprecated since provider 5.72) and one `aws_iam_role_policy` per inline policy
(`inline_policy` is deprecated too). CloudFormation creates these with the role, so whatever references the role
waits for them; `role_policies` names them so the renderer can make Terraform wait the same way."""

from __future__ import annotations

import functools
import re
from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Expr
from archbuilder.exporters.terraform.kit import CompanionWriter, Props
from archbuilder.model.naming import snake


def _policy_label(arn: Any) -> str:
    """`arn:...:policy/service-role/AWSLambdaBasicExecutionRole` -> `aws_lambda_basic_execution_role`; a Ref
    to a parameter or policy -> that name snake-cased."""
    if isinstance(arn, dict) and set(arn) == {"Ref"}:
        return snake(str(arn["Ref"]), "policy")
    if isinstance(arn, dict) and set(arn) == {"Fn::Sub"}:
        arn = arn["Fn::Sub"]
        arn = arn[0] if isinstance(arn, list) else arn
    if isinstance(arn, str):
        return _label_of_arn(arn)
    return "policy"


@functools.lru_cache(maxsize=256)  # the same few managed policies, on thousands of roles
def _label_of_arn(arn: str) -> str:
    return snake(re.split(r"[/:]", arn)[-1], "policy")


def managed_attachments(conv: Converter_, logical: str, p: Props) -> list[tuple[str, Any]]:
    """(resource name, policy ARN) of each managed policy of a role: `<role>_<policy>`, numbered on a clash."""
    _tf, role = conv.names[logical]
    named: list[tuple[str, Any]] = []
    taken: set[str] = set()
    for arn in p.get("ManagedPolicyArns") or []:
        base = f"{role}_{_policy_label(arn)}"
        name, number = base, 2
        while name in taken:
            name, number = f"{base}_{number}", number + 1
        taken.add(name)
        named.append((name, arn))
    return named


def _inline_name(conv: Converter_, logical: str, policy: Props) -> str:
    return f"{conv.names[logical][1]}_{snake(policy['PolicyName'])}"


def role_policies(conv: Converter_, logical: str) -> list[str]:
    """Addresses of the policy resources split out of a role (empty for a role without policies)."""
    p = conv.resources[logical].get("Properties") or {}
    return [
        f"aws_iam_role_policy_attachment.{name}" for name, _arn in managed_attachments(conv, logical, p)
    ] + [f"aws_iam_role_policy.{_inline_name(conv, logical, policy)}" for policy in p.get("Policies") or []]


def _role_policies(conv: Converter_, logical: str, p: Props) -> list[Block]:
    role = Expr(f"{conv.address(logical)}.name")
    attachments = [
        Block(
            "resource",
            ("aws_iam_role_policy_attachment", name),
            {"role": role, "policy_arn": conv.expr(arn)},
        )
        for name, arn in managed_attachments(conv, logical, p)
    ]
    inline = [
        Block(
            "resource",
            ("aws_iam_role_policy", _inline_name(conv, logical, policy)),
            {
                "name": policy["PolicyName"],
                "role": role,
                "policy": conv.json_expr(policy["PolicyDocument"]),
            },
        )
        for policy in p.get("Policies") or []
    ]
    return attachments + inline


# Resources the aws provider splits out of a CloudFormation resource of these types.
COMPANION_WRITERS: dict[str, list[CompanionWriter]] = {
    "AWS::IAM::Role": [_role_policies],
}
