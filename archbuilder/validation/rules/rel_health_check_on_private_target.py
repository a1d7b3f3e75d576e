"""A Route 53 health check aimed at something the internet cannot reach."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import directly_exposed, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for health_check in services_of_type(graph, "route53_health_check"):
        for target in linked(graph, health_check):
            placement = graph.placements[target.id]
            # Targets in a VPC must face the internet; zones and global endpoints are not probed this way.
            if placement.vpc_id is not None and not directly_exposed(graph, target.id):
                findings.append(
                    rule.finding(
                        [health_check, target],
                        f"{label(health_check)} probes {label(target)}, which the internet cannot reach: Route 53 "
                        "health checkers would always see it down",
                    )
                )
    return findings


RULE = Rule(
    id="REL-063",
    title="Health check on a private endpoint",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Health Checks - resource status monitoring mechanism that automatically redirects"),
    description="Route 53 health checkers probe endpoints from locations on the internet; a private endpoint (an "
    "internal load balancer, an instance in a private subnet) never answers them, so the check always fails and "
    "failover routing moves traffic away for nothing.",
    remediation="Health-check a public endpoint, or for private resources base the health check on a CloudWatch "
    "alarm (a calculated or metric-based health check).",
    check=check,
    applies_to=("route53_health_check", "alb", "nlb", "ec2_instance"),
    tags=("dns", "availability", "network"),
    wa_best_practice="REL11-BP01",
    checked="2026-12-06",
)
