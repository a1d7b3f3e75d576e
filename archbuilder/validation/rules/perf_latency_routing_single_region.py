"""A DNS zone with latency-based routing whose targets all run in one region."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for zone in services_of_type(graph, "route53_zone"):
        if zone.properties.get("routing_policy") != "latency":
            continue
        # Regional targets only: a global target (CloudFront, Global Accelerator) already picks the nearest edge.
        regions = {
            region
            for target_id in graph.flow.successors(zone.id)
            if ConnectionKind.DNS in graph.flow.edges[zone.id, target_id]["kinds"]
            and (region := graph.placements[target_id].region if target_id in graph.placements else None)
        }
        if len(regions) == 1:
            findings.append(
                rule.finding(
                    zone,
                    f"{label(zone)} routes by latency but all its targets run in {next(iter(regions))}: there is no "
                    "nearer region to choose",
                )
            )
    return findings


RULE = Rule(
    id="PERF-017",
    title="Latency routing to a single region",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.HIGH,
    source=cite("002", "Route53 Routing Policies"),
    description="Latency-based routing answers each user with the record set that gives the lowest latency, one "
    "record per region where the application receives traffic; with every target in the same region there is "
    "nothing to choose between, and users far from it gain nothing.",
    remediation="Deploy the application to the regions near the users and add a latency record for each, or use "
    "simple routing (with CloudFront in front for distant users).",
    check=check,
    applies_to=("route53_zone",),
    tags=("dns", "topology"),
    wa_best_practice="PERF04-BP06",
    checked="2026-11-23",
)
