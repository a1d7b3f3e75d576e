"""Load balancer in a single AZ."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-005",
    title="Load balancer in a single AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="The standard highly available layout deploys in two or more AZs with load balancing in front; an "
    "Application Load Balancer also needs subnets in two AZs to be created at all.",
    remediation="Give the load balancer a subnet in a second AZ (extra subnets).",
    check=each_service(
        ("alb", "nlb", "clb"),
        lambda node, graph: len(zones_spanned(graph, node)) == 1,
        lambda node, graph: f"{label(node)} has subnets in one availability zone only",
    ),
    applies_to=("alb", "nlb", "clb"),
    tags=("network", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
