"""A public DNS zone pointing at an internal load balancer."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for zone in services_of_type(graph, "route53_zone"):
        if zone.properties.get("private_zone") is True:
            continue
        for balancer in neighbours_of_type(graph, zone.id, {"alb", "nlb", "clb"}):
            if ConnectionKind.DNS not in graph.flow.edges[zone.id, balancer.id]["kinds"]:
                continue
            if balancer.properties.get("internet_facing") is False:
                findings.append(
                    rule.finding(
                        [zone, balancer],
                        f"Public zone {label(zone)} points to {label(balancer)}, an internal load balancer whose "
                        "private addresses the internet cannot reach",
                    )
                )
    return findings


RULE = Rule(
    id="REL-032",
    title="Public DNS name for an internal load balancer",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("003", "- Hosted Zones - holds Records Sets, divided on public and private"),
    description="Public hosted zones map names to public addresses; an internal load balancer has private "
    "addresses only, so a public record for it resolves for everyone but connects for nobody outside the VPC.",
    remediation="Make the load balancer internet facing, or publish the name in a private hosted zone associated "
    "with the VPC.",
    check=check,
    applies_to=("route53_zone", "alb", "nlb", "clb"),
    tags=("dns", "exposure"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
