"""An instance with more security groups attached than an interface allows."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import attached_security_groups, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

MAX_GROUPS = 5


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if "security_group" not in graph.by_type:
        return []
    findings = []
    for node in services_of_type(graph, "ec2_instance", "autoscaling_group"):
        groups = attached_security_groups(graph, node.id)
        if len(groups) > MAX_GROUPS:
            findings.append(
                rule.finding(
                    [node, *groups],
                    f"{label(node)} has {len(groups)} security groups attached; an instance takes at most {MAX_GROUPS}",
                )
            )
    return findings


RULE = Rule(
    id="LIM-016",
    title="More than five security groups on an instance",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Security Groups"),
    description="An instance in a VPC can be assigned up to five security groups; more cannot be attached.",
    remediation="Merge rules into fewer groups (five at most per instance).",
    check=check,
    applies_to=("ec2_instance", "autoscaling_group", "security_group"),
    tags=("limits", "quota", "network"),
    wa_best_practice="REL01-BP01",
    checked="2026-11-22",
)
