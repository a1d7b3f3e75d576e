"""Internet-facing load balancer placed in private subnets."""

from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-004",
    title="Internet-facing load balancer in private subnets",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Internet Gateway"),
    description="Only subnets routed to an internet gateway are reachable from the internet; an internet-facing "
    "load balancer in private subnets receives no traffic.",
    remediation="Place the load balancer in public subnets, or make it internal.",
    check=each_service(
        ("alb", "nlb", "clb"),
        lambda node, graph: (
            node.properties.get("internet_facing") is True
            and SubnetTier.PUBLIC not in graph.placements[node.id].tiers
        ),
        lambda node, graph: f"{label(node)} is internet facing but sits only in private subnets",
    ),
    applies_to=("alb", "nlb", "clb"),
    tags=("limits", "network", "exposure"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
