"""A DNS zone whose routing policy relies on health checks, with none watching its targets."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

HEALTH_DRIVEN = {"failover", "multivalue"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for zone in services_of_type(graph, "route53_zone"):
        policy = zone.properties.get("routing_policy")
        if policy not in HEALTH_DRIVEN:
            continue
        targets = {
            t
            for t in graph.flow.successors(zone.id)
            if ConnectionKind.DNS in graph.flow.edges[zone.id, t]["kinds"]
        }
        watched = any(
            graph.architecture.service(c.source_id).type == "route53_health_check"
            for node_id in targets | {zone.id}
            for c in graph.connections_of(node_id)
        )
        if targets and not watched:
            findings.append(
                rule.finding(
                    zone,
                    f"{label(zone)} uses {policy} routing but no Route 53 health check watches its targets",
                )
            )
    return findings


RULE = Rule(
    id="REL-035",
    title="Failover routing without health checks",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Route53 Routing Policies"),
    description="Failover routing moves traffic to the secondary only when Route 53 sees the primary fail, and "
    "multivalue routing answers only with healthy records; both depend on health checks, without which nothing "
    "fails over.",
    remediation="Add Route 53 health checks on the primary (and each multivalue) target and attach them to the "
    "records.",
    check=check,
    applies_to=("route53_zone", "route53_health_check"),
    tags=("dns", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-11-22",
)
