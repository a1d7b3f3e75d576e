"""A private hosted zone associated with no VPC."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-015",
    title="Private hosted zone without a VPC",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Hosted Zones - holds Records Sets, divided on public and private"),
    description="A private hosted zone resolves names only inside the VPCs associated with it; with none, its "
    "records answer nobody (and AWS requires at least one VPC to create the zone).",
    remediation="Associate the zone with the VPCs whose resources must resolve its names.",
    check=each_service(
        ("route53_zone",),
        lambda node, graph: (
            node.properties.get("private_zone") is True and not node.properties.get("associated_vpcs")
        ),
        lambda node, graph: f"{label(node)} is private but associated with no VPC, so nothing can resolve it",
    ),
    applies_to=("route53_zone",),
    tags=("limits", "dns"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
