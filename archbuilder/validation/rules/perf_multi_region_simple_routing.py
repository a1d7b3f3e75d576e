"""A DNS zone routing with the simple policy to copies of the application in several regions."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for zone in services_of_type(graph, "route53_zone"):
        if zone.properties.get("routing_policy", "simple") != "simple":
            continue
        targets = [
            target_id
            for target_id in graph.flow.successors(zone.id)
            if ConnectionKind.DNS in graph.flow.edges[zone.id, target_id]["kinds"]
        ]
        regions = sorted({r for t in targets if (r := graph.placements[t].region)})
        if len(regions) >= 2:
            findings.append(
                rule.finding(
                    zone,
                    f"{label(zone)} points to regions {', '.join(regions)} with simple routing; latency-based "
                    "routing would send each user to the nearest",
                )
            )
    return findings


RULE = Rule(
    id="PERF-005",
    title="Multi-region design behind simple DNS routing",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "Route 53 Tips"),
    description="Latency-based routing directs users around the globe to the nearest AWS region where the "
    "application runs; with simple routing, records answer without regard to where the user is.",
    remediation="Use latency-based routing (with health checks) for records pointing at several regions.",
    check=check,
    applies_to=("route53_zone",),
    tags=("dns", "topology"),
    wa_best_practice="PERF04-BP06",
    checked="2026-11-22",
)
