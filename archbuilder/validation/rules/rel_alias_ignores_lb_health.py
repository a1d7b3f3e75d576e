"""DNS failover to a load balancer through an alias that does not evaluate the target's health."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, types_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    balancer_types = types_with_role(graph, ServiceRole.LOAD_BALANCER)
    for zone in services_of_type(graph, "route53_zone"):
        if (
            zone.properties.get("routing_policy") != "failover"
            or zone.properties.get("evaluate_target_health") is not False
        ):
            continue
        balancers = [t for t in linked(graph, zone, [ConnectionKind.DNS]) if t.type in balancer_types]
        if balancers:
            findings.append(
                rule.finding(
                    [zone, *balancers],
                    f"{label(zone)} fails over between load balancers ({', '.join(label(b) for b in balancers)}) "
                    "with Evaluate Target Health off, so Route 53 keeps answering with a balancer whose targets are "
                    "all down",
                )
            )
    return findings


RULE = Rule(
    id="REL-044",
    title="Failover alias ignores load balancer health",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "Does DNS Failover support Elastic Load Balancers (ELBs) as endpoints?"),
    description="DNS failover to an Elastic Load Balancer uses an alias record with Evaluate Target Health set to "
    "true; Route 53 then checks the balancer's health itself. With it off, a balancer with no healthy target still "
    "counts as healthy and traffic is never moved to the secondary.",
    remediation="Turn on Evaluate Target Health for the zone's alias records to load balancers.",
    check=check,
    applies_to=("route53_zone", "alb", "nlb", "clb"),
    tags=("dns", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-11-23",
)
