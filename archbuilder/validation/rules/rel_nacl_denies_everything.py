"""A custom network ACL with no allow rules, which denies all inbound traffic."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-037",
    title="Custom network ACL that denies all traffic",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Network Access Control Lists"),
    description="A newly created network ACL denies all inbound and outbound traffic until allow rules are added "
    "(unlike the VPC's default ACL, which allows everything); subnets associated with it are cut off.",
    remediation="Add inbound allow rules for the traffic the subnets serve (and outbound rules for the replies).",
    check=each_service(
        ("network_acl",),
        lambda node, graph: not node.properties.get("allow_inbound"),
        lambda node, graph: f"{label(node)} has no inbound allow rule, so it denies all inbound traffic",
    ),
    applies_to=("network_acl",),
    tags=("network",),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-22",
)
