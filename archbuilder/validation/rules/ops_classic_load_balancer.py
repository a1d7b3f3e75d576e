"""A Classic Load Balancer, the legacy generation."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-009",
    title="Classic Load Balancer",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.HIGH,
    source=cite("003", "- Classic Load Balancer (CLB) - legacy!"),
    description="The Classic Load Balancer is the legacy generation: no path or host routing, no containers or "
    "Lambda targets; Application (HTTP/HTTPS) and Network (TCP/UDP) Load Balancers replace it.",
    remediation="Use an Application Load Balancer for HTTP/HTTPS or a Network Load Balancer for TCP/UDP.",
    check=each_service(
        ("clb",),
        lambda node, graph: True,
        lambda node, graph: f"{label(node)} is a Classic Load Balancer, the legacy generation",
    ),
    applies_to=("clb",),
    tags=("network", "legacy"),
    wa_best_practice="OPS05-BP06",
    checked="2026-11-22",
)
