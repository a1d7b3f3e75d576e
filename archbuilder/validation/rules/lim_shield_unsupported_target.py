"""Shield Advanced attached to a resource it does not protect."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import attached_outside

# Load balancers, CloudFront, Route 53 and Elastic IPs in the guide; Global Accelerator is protected too, and
# imported `generic` resources are unknown.
PROTECTABLE = {
    "alb",
    "nlb",
    "clb",
    "cloudfront_distribution",
    "route53_zone",
    "elastic_ip",
    "global_accelerator",
    "generic",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            [shield, target],
            f"{label(shield)} protects {label(target)}, but Shield Advanced covers only load "
            "balancers, CloudFront, Route 53 and Elastic IPs",
        )
        for shield, target in attached_outside(graph, "shield", PROTECTABLE)
    ]


RULE = Rule(
    id="LIM-038",
    title="Shield Advanced on a resource it does not cover",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "AWS Shield Advanced"),
    description="Shield Advanced adds DDoS protection for applications running on Elastic Load Balancing, CloudFront "
    "and Route 53, and for Elastic IP addresses; other resources cannot be added as protected resources, so the "
    "subscription does not cover them.",
    remediation="Protect the load balancer, distribution, hosted zone or Elastic IP in front of this resource "
    "instead.",
    check=check,
    applies_to=(
        "shield",
        "alb",
        "nlb",
        "clb",
        "cloudfront_distribution",
        "route53_zone",
        "elastic_ip",
        "global_accelerator",
    ),
    tags=("limits", "security"),
    wa_best_practice="SEC05-BP03",
    checked="2026-11-23",
)
