"""A Site-to-Site VPN connection missing its customer gateway or virtual private gateway."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for vpn in services_of_type(graph, "vpn_connection"):
        linked = {
            graph.architecture.service(c.target_id if c.source_id == vpn.id else c.source_id).type
            for c in graph.connections_of(vpn.id)
        }
        missing = []
        if "customer_gateway" not in linked:
            missing.append("customer gateway")
        if not linked & {"vpn_gateway", "transit_gateway"}:
            missing.append("virtual private gateway or transit gateway")
        if missing:
            findings.append(rule.finding(vpn, f"{label(vpn)} has no {' and no '.join(missing)}"))
    return findings


RULE = Rule(
    id="LIM-020",
    title="VPN connection without its gateways",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Virtual Private Networks (VPNs)"),
    description="A Site-to-Site VPN joins a virtual private gateway (or transit gateway) on the AWS side to a "
    "customer gateway resource that describes the on-premises device and its internet-routable address; without "
    "both ends the connection cannot come up.",
    remediation="Connect the VPN connection to a customer gateway and to the VPC's virtual private gateway (or a "
    "transit gateway).",
    check=check,
    applies_to=("vpn_connection", "vpn_gateway", "customer_gateway", "transit_gateway"),
    tags=("limits", "network", "hybrid"),
    wa_best_practice="REL02-BP02",
    checked="2026-11-22",
)
