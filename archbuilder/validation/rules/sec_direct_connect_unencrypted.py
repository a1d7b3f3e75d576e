"""Direct Connect carrying traffic with no VPN over it to encrypt it."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-039",
    title="Direct Connect traffic not encrypted",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "AWS DirectConnect"),
    description="Direct Connect is a private, dedicated connection but not an encrypted one: traffic crosses the "
    "provider's and the colocation's equipment in clear unless the application encrypts it, a VPN runs over the "
    "connection, or MACsec is enabled on a dedicated 10 or 100 Gbps port.",
    remediation="Run a Site-to-Site VPN over the Direct Connect connection (or turn MACsec on where the port "
    "supports it), or make sure every protocol over it uses TLS.",
    check=each_service(
        ("direct_connect",),
        lambda node, graph: not graph.by_type.get("vpn_connection"),
        lambda node, graph: f"{label(node)} carries traffic in clear: no VPN runs over it",
    ),
    applies_to=("direct_connect", "vpn_connection"),
    tags=("network", "hybrid", "encryption"),
    wa_best_practice="SEC09-BP02",
    checked="2026-12-06",
)
