"""One Direct Connect connection with no second connection or VPN to fall back on."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    links = services_of_type(graph, "direct_connect")
    if len(links) != 1 or graph.by_type.get("vpn_connection"):
        return []
    return [
        rule.finding(
            links[0],
            f"{label(links[0])} is the only link to the data center: no second connection or VPN takes over if it "
            "fails",
        )
    ]


RULE = Rule(
    id="REL-066",
    title="Direct Connect without a backup link",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "AWS DirectConnect"),
    description="Direct Connect is a dedicated physical connection from one location: a fibre cut, a router "
    "failure or maintenance at the Direct Connect location takes it down, and with nothing else the VPCs lose the "
    "data center.",
    remediation="Add a second Direct Connect connection (at another location for the highest resilience), or a "
    "Site-to-Site VPN over the internet as a backup path.",
    check=check,
    applies_to=("direct_connect", "vpn_connection"),
    tags=("network", "hybrid", "availability"),
    wa_best_practice="REL02-BP02",
    checked="2026-12-06",
)
