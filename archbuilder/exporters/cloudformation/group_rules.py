"""Declared ingress rules as CloudFormation writes them, for every group that carries them: a service's own group,
a group the design draws as a node, and the groups a cluster makes for itself (EKS, CloudHSM)."""

from __future__ import annotations

from typing import Any

from archbuilder.exporters.cloudformation.context import CfnContext
from archbuilder.exporters.registry import ExportError
from archbuilder.model import ServiceNode

# The export's words for a declared rule without a description; the import does not keep them as the user's.
DECLARED_RULE = "declared ingress rule"
# A group whose outbound rule is taken away keeps one rule to the localhost only, which no traffic leaves by: EC2
# gives a VPC group an allow-all egress rule and removes it only when SecurityGroupEgress names a rule (the
# AWS::EC2::SecurityGroup reference, "Remove the default rule", which uses this very range; checked 2026-12-06).
NO_OUTBOUND: dict[str, Any] = {
    "IpProtocol": "-1",
    "CidrIp": "127.0.0.1/32",
    "Description": "no outbound traffic: this rule matches none and stands in for the default allow-all",
}

Rule = dict[str, Any]
# (the node declaring a rule naming another group, the rule without its source, that group's node id)
SourceRule = tuple[ServiceNode, Rule, str]


def declared_rule(rule: dict[str, Any], default: str = DECLARED_RULE) -> Rule:
    """A declared rule's protocol, ports and description (`default` without one; `all` as -1, one port when only
    from_port is given); the caller adds where it lets traffic in from."""
    return {
        "IpProtocol": str(rule.get("protocol", "tcp")).replace("all", "-1"),
        "FromPort": rule.get("from_port", -1),
        "ToPort": rule.get("to_port", rule.get("from_port", -1)),
        "Description": str(rule.get("description", default)),
    }


def declared_ingress(node: ServiceNode) -> tuple[list[Rule], list[SourceRule]]:
    """The node's declared CIDR rules, as its group's inline SecurityGroupIngress, and its rules naming another
    group, which are written once every group exists (a group cannot name one declared after it in its body)."""
    inline: list[Rule] = []
    naming: list[SourceRule] = []
    for rule in node.properties.get("ingress") or []:
        entry = declared_rule(rule)
        if rule.get("cidr"):
            inline.append({**entry, "CidrIp": rule["cidr"]})
        elif rule.get("source_id"):
            naming.append((node, entry, str(rule["source_id"])))
    return inline, naming


def declared_cidr_rules(ctx: CfnContext, node: ServiceNode, group: Any, default: str = DECLARED_RULE) -> None:
    """The node's declared CIDR rules as ingress resources of a group it does not declare (its cluster's)."""
    for index, rule in enumerate(r for r in node.properties.get("ingress") or [] if r.get("cidr")):
        ctx.add(
            ctx.lid(node, f"Ingress{index + 1}"),
            "AWS::EC2::SecurityGroupIngress",
            {"GroupId": group, **declared_rule(rule, default), "CidrIp": str(rule["cidr"])},
        )


def drawn_group(ctx: CfnContext, node: ServiceNode) -> list[SourceRule]:
    """A security group drawn as a node, as the user set it: its description, declared rules and outbound rule,
    in its VPC. The services attached to it name it beside their own group (CfnContext.sg_refs)."""
    description = node.properties.get("group_description", "Managed by archbuilder")
    if not str(description or "").strip():
        raise ExportError(f"{node.label}: a security group needs a description (AWS requires one)")
    inline, naming = declared_ingress(node)
    allow_all = node.properties.get("allow_all_egress", True)
    group = ctx.add(
        ctx.lid(node),
        "AWS::EC2::SecurityGroup",
        {
            "GroupDescription": str(description),
            "VpcId": ctx.vpc_ref(node),
            **({"SecurityGroupIngress": inline} if inline else {}),
            **({} if allow_all is not False else {"SecurityGroupEgress": [dict(NO_OUTBOUND)]}),
            "Tags": ctx.tags(node),
        },
    )
    ctx.security_groups[node.id] = group
    return naming
