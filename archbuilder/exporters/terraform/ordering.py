"""Creation order Terraform cannot infer from references, made explicit with `depends_on` the way the
CloudFormation export orders the same resources:

- a resource's CloudFormation `DependsOn` (a trail after the bucket policy letting CloudTrail write, an event
  source mapping or a Firehose stream after the role policy that lets it read or deliver, a service after its
  listener, a stage after its routes, a WAF association after the REST API's stage);
- a role's managed and inline policies, which CloudFormation creates with the role but Terraform writes as
  resources of their own: what references the role (a function, a cluster, an instance profile, an event
  target) waits for them, as AWS validates some of them when the resource is created (a function in a VPC
  needs the ENI permissions, an EKS cluster its cluster policy);
- a public NAT gateway after its VPC's internet gateway (creating it before fails with Gateway.NotAttached;
  the aws provider's documentation asks for this depends_on)."""

from __future__ import annotations

import re
from typing import Any

from archbuilder.exporters.terraform.convert import Converter_
from archbuilder.exporters.terraform.hcl_writer import Block, Call, Expr
from archbuilder.exporters.terraform.kit import Props, depends_on
from archbuilder.exporters.terraform.roles import role_policies

# Types whose writers put the DependsOn on the piece that needs it: a bucket's notification waits for the
# receivers' permissions (the bucket itself must not, the permissions name the bucket).
PLACED_BY_WRITER = {"AWS::S3::Bucket"}
# A role, its policies and its attachments are what others wait for; they never wait for each other.
ROLE_TYPES = {"aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment"}
_ROLE_REFERENCE = re.compile(r"(?<![\w.])aws_iam_role\.([a-z0-9_]+)\b")


class Ordering:
    def __init__(self, conv: Converter_) -> None:
        self.conv = conv
        # Terraform name of each role -> the addresses of the policies split out of it.
        self.role_policies = {
            conv.names[logical][1]: policies
            for logical in conv.of_type.get("AWS::IAM::Role", [])
            if (policies := role_policies(conv, logical))
        }
        # VPC logical id -> the address of its internet gateway (the attachment is the gateway's vpc_id).
        attachments = [
            conv.resources[name] for name in conv.of_type.get("AWS::EC2::VPCGatewayAttachment", [])
        ]
        self.internet_gateways = {
            _ref(body["Properties"].get("VpcId")): f"aws_internet_gateway.{conv.names[gateway][1]}"
            for body in attachments
            if (gateway := _ref((body.get("Properties") or {}).get("InternetGatewayId"))) in conv.resources
        }

    def apply(
        self, logical: str, kind: str, props: Props, blocks: list[Block], *, names_a_role: bool = True
    ) -> None:
        """Adds the depends_on of the resource blocks written for one CloudFormation resource. `names_a_role`:
        whether writing them referred to a role (Converter_.address counts it); when not, no block of theirs
        is searched for one (most resources: a large export has a million expressions)."""
        if not names_a_role and "_DependsOn" not in props and kind != "AWS::EC2::NatGateway":
            return  # most resources: nothing to wait for
        primary = self.conv.names[logical]
        for block in blocks:
            if block.type != "resource":
                continue
            wait: list[str] = []
            if block.labels == primary and "_DependsOn" in props and kind not in PLACED_BY_WRITER:
                wait += [expr.text for expr in depends_on(self.conv, props) or []]
            if block.labels == primary and kind == "AWS::EC2::NatGateway":
                wait += self._internet_gateway(props)
            if names_a_role and block.labels[0] not in ROLE_TYPES:
                text = "\n".join(_expressions(block.body))
                if "aws_iam_role." in text:
                    for role in _ROLE_REFERENCE.findall(text):
                        wait += self.role_policies.get(role, [])
            if wait:
                _add_depends_on(block, wait)

    def _internet_gateway(self, nat: Props) -> list[str]:
        if nat.get("ConnectivityType", "public") != "public":
            return []
        subnet = self.conv.resources.get(_ref(nat.get("SubnetId")) or "", {})
        gateway = self.internet_gateways.get(_ref((subnet.get("Properties") or {}).get("VpcId")))
        return [gateway] if gateway else []


def _ref(value: Any) -> str | None:
    return str(value["Ref"]) if isinstance(value, dict) and set(value) == {"Ref"} else None


def _add_depends_on(block: Block, addresses: list[str]) -> None:
    existing = [expr.text for expr in block.body.get("depends_on") or []]
    block.body["depends_on"] = [Expr(address) for address in sorted(set(existing + addresses))]


# What a body holds that can hold no expression.
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _expressions(body: Any) -> list[str]:
    """The text of every expression in a block body (references only ever appear in expressions), in no
    particular order. The walk tells values apart by their exact type (a large export walks a million of
    them); a subclass, which no writer makes, is told by isinstance."""
    found: list[str] = []
    pending = [body]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is dict or kind is list:
            for child in item.values() if kind is dict else item:
                child_kind = type(child)
                if child_kind is Expr:
                    found.append(child.text)
                elif child_kind not in _LEAVES:
                    pending.append(child)
        elif kind is Block:
            pending.append(item.body)
        elif isinstance(item, Expr):
            found.append(item.text)
        elif isinstance(item, dict):
            pending += item.values()
        elif isinstance(item, list):
            pending += item
        elif isinstance(item, Block):
            pending.append(item.body)
        elif isinstance(item, Call):
            pending.append(item.argument)
    return found
