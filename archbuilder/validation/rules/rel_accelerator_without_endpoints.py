"""A Global Accelerator with no endpoint behind it."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

RULE = Rule(
    id="REL-082",
    title="Accelerator without endpoints",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "AWS Global Accelerator"),
    description="Global Accelerator gives two static anycast addresses and carries traffic over the AWS network to "
    "the endpoints of its endpoint groups (load balancers, instances, Elastic IPs); with none, its addresses answer "
    "nothing and are billed.",
    remediation="Connect the accelerator to its endpoints (load balancers or instances in each region it serves).",
    check=each_service(
        ("global_accelerator",),
        lambda node, graph: not linked(graph, node),
        lambda node, graph: f"{label(node)} sends traffic to no endpoint",
    ),
    applies_to=("global_accelerator",),
    tags=("network", "availability"),
    wa_best_practice="REL02-BP01",
    checked="2026-12-06",
)
