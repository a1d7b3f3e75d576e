"""An ingress rule that names, as its source, a service in another region."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import ingress_rules, services_with_ingress
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in services_with_ingress(graph):  # only services with rules of their own can match
        if not graph.placements[node.id].subnet_ids:
            continue
        region = graph.placements[node.id].region
        sources = {str(entry["source_id"]) for entry in ingress_rules(node) if entry.get("source_id")}
        for source_id in sorted(sources):
            source = graph.architecture.nodes.get(source_id)
            if not isinstance(source, ServiceNode) or source.id not in graph.placements:
                continue
            source_region = graph.placements[source.id].region
            if region and source_region and source_region != region:
                findings.append(
                    rule.finding(
                        [node, source],
                        f"{label(node)} ({region}) admits {label(source)} by security group, but "
                        f"{label(source)} is in {source_region} and security groups do not span regions",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-008",
    title="Security group source in another region",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "VPC and Network Security Gotchas and Limitations"),
    description="Security groups are not shared across regions: a rule can only name a group of the same region, so "
    "a rule meant to admit a service of another region admits nothing.",
    remediation="Admit the remote service by its public or peered address range (CIDR), or put both in one region.",
    check=check,
    applies_to=("security_group",),
    tags=("limits", "network"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
