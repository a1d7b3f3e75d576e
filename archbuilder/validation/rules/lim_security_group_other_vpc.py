"""A security group attached to a service in another VPC."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for group in services_of_type(graph, "security_group"):
        group_vpc = graph.placements[group.id].vpc_id
        if group_vpc is None:
            continue
        for member in linked(graph, group, [ConnectionKind.ATTACH], direction="both"):
            member_vpc = graph.placements[member.id].vpc_id
            if member_vpc is not None and member_vpc != group_vpc:
                findings.append(
                    rule.finding(
                        [group, member],
                        f"Security group {label(group)} belongs to VPC “{graph.architecture.node(group_vpc).label}” "
                        f"but is attached to {label(member)} in VPC “{graph.architecture.node(member_vpc).label}”",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-031",
    title="Security group attached in another VPC",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Security Groups"),
    description="A security group is specific to a single VPC and cannot be shared with another; a service in "
    "another VPC can only get a copy of its rules.",
    remediation="Create a security group in the service's own VPC with the same rules and attach that one.",
    check=check,
    applies_to=("security_group",),
    tags=("limits", "network"),
    wa_best_practice="SEC05-BP02",
    checked="2026-11-23",
)
