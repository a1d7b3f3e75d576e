"""A Classic Load Balancer without cross-zone balancing and fewer than two backends in one of its AZs."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, types_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    # Backends that keep several members per AZ on their own count as two in each AZ they span.
    replicated = types_with_role(graph, ServiceRole.REPLICATED)
    for clb in services_of_type(graph, "clb"):
        if clb.properties.get("cross_zone") is True:
            continue
        counts = dict.fromkeys(sorted(set(graph.placements[clb.id].zones)), 0)
        for target_id in graph.flow.successors(clb.id):
            if ConnectionKind.TRAFFIC not in graph.flow.edges[clb.id, target_id]["kinds"]:
                continue
            target = graph.architecture.service(target_id)
            for zone in set(graph.placements[target_id].zones):
                if zone in counts:
                    counts[zone] += 2 if target.type in replicated else 1
        thin = [zone for zone, count in counts.items() if count < 2]
        if len(counts) > 1 and thin:
            spread = ", ".join(f"{zone}: {counts[zone]}" for zone in thin)
            findings.append(
                rule.finding(
                    clb,
                    f"{label(clb)} does not balance across zones and has fewer than two backends in {spread}; "
                    "losing them returns 503s there",
                )
            )
    return findings


RULE = Rule(
    id="REL-024",
    title="Classic Load Balancer without cross-zone balancing",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "CLB Gotchas and Limitations"),
    description="By default a CLB does not route from its node in one AZ to backends in another, so when the last "
    "backend of an AZ fails, requests arriving there get 503s although other AZs are healthy; with fewer than "
    "two backends per AZ, cross-zone load balancing should be on.",
    remediation="Enable cross-zone load balancing on the CLB, or run at least two backends in every AZ it serves.",
    check=check,
    applies_to=("clb", "autoscaling_group", "ecs_service"),
    tags=("network", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
