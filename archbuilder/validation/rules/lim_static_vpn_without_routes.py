"""A VPN connection with static routing that names no route."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-054",
    title="Static VPN without routes",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Virtual Private Networks (VPNs)"),
    description="A Site-to-Site VPN with static routing learns nothing from the customer gateway (no BGP): only "
    "the on-premises CIDR blocks given as static routes are sent through the tunnels, so with none the "
    "connection carries no traffic.",
    remediation="Add the on-premises CIDR blocks as static routes, or use dynamic (BGP) routing.",
    check=each_service(
        ("vpn_connection",),
        lambda node, graph: (
            node.properties.get("static_routes_only") is True and not node.properties.get("static_routes")
        ),
        lambda node, graph: f"{label(node)} uses static routing but names no on-premises route",
    ),
    applies_to=("vpn_connection", "customer_gateway"),
    tags=("network", "hybrid", "limits"),
    wa_best_practice="REL02-BP02",
    checked="2026-12-06",
)
