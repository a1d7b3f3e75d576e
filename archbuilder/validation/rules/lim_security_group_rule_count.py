"""A security group with more inbound rules than a group may have."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_rules, services_with_ingress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

MAX_RULES = 60


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in services_with_ingress(graph):
        rules = len(ingress_rules(node))
        if rules > MAX_RULES:
            findings.append(
                rule.finding(
                    node,
                    f"{label(node)} declares {rules} inbound rules; a security group holds {MAX_RULES} by default",
                )
            )
    return findings


RULE = Rule(
    id="LIM-070",
    title="More inbound rules than a security group holds",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Security Groups"),
    description="A security group holds 60 inbound rules by default (an adjustable quota, traded against the number "
    "of groups per interface); beyond it the group cannot be created as drawn. Long lists of addresses are better "
    "expressed as a source security group or a managed prefix list.",
    remediation="Reference the callers' security groups or a prefix list instead of many CIDR rules, split the "
    "rules over several groups, or raise the quota.",
    check=check,
    applies_to=("security_group", "ec2_instance", "alb"),
    tags=("network", "limits", "quota"),
    wa_best_practice="REL01-BP01",
    checked="2026-12-06",
)
