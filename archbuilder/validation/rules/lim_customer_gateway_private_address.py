"""A customer gateway given a private address instead of the device's internet-routable one."""

import ipaddress

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Ranges no VPN tunnel can reach over the internet: RFC 1918, carrier-grade NAT, loopback, link-local. (The
# documentation range the catalog uses as a placeholder is left alone.)
UNROUTABLE = [
    ipaddress.ip_network(block)
    for block in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
    )
]


def _unroutable(value: object) -> bool:
    try:
        address = ipaddress.ip_address(str(value))
    except ValueError:
        return False
    return any(address in block for block in UNROUTABLE)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for gateway in services_of_type(graph, "customer_gateway"):
        address = gateway.properties.get("ip_address")
        if _unroutable(address):
            findings.append(
                rule.finding(
                    gateway,
                    f"{label(gateway)} has address {address}, a private address; a customer gateway needs the "
                    "internet-routable IP of the device's external interface",
                )
            )
    return findings


RULE = Rule(
    id="LIM-043",
    title="Customer gateway with a private address",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Virtual Private Networks (VPNs)"),
    description="A Site-to-Site VPN runs over the internet: the customer gateway resource must carry the "
    "internet-routable IP address of the on-premises device's external interface. A private address (behind NAT "
    "or inside the corporate network) cannot be reached, so the tunnels never come up.",
    remediation="Set the customer gateway's address to the public IP of the VPN device's outside interface.",
    check=check,
    applies_to=("customer_gateway",),
    tags=("limits", "network", "hybrid"),
    wa_best_practice="REL02-BP02",
    checked="2026-11-23",
)
