"""A production link to the data center through one customer gateway and no Direct Connect."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production, label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    gateways = services_of_type(graph, "customer_gateway")
    if (
        not is_production(graph)
        or len(gateways) != 1
        or not graph.by_type.get("vpn_connection")
        or graph.by_type.get("direct_connect")
    ):
        return []
    gateway = gateways[0]
    return [
        rule.finding(
            gateway,
            f"Every VPN connection ends on one device, {label(gateway)}: if it fails, the VPCs lose the data center",
        )
    ]


RULE = Rule(
    id="REL-065",
    title="Hybrid link through a single customer gateway",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Virtual Private Networks (VPNs)"),
    description="A Site-to-Site VPN has two tunnels on the AWS side, but they end on the one customer gateway "
    "device in the data center; when that device or its internet link fails, the connection is down however "
    "many tunnels AWS keeps up.",
    remediation="Add a second customer gateway (another device, ideally another internet link) with its own VPN "
    "connection, or a Direct Connect connection, so the on-premises side is redundant too.",
    check=check,
    applies_to=("customer_gateway", "vpn_connection", "direct_connect"),
    tags=("network", "hybrid", "availability"),
    wa_best_practice="REL02-BP02",
    checked="2026-12-06",
)
