"""A load balancer that cuts in-flight requests when a target leaves."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _cuts(node: ServiceNode) -> bool:
    if node.type == "clb":
        return node.properties.get("connection_draining") is False
    return node.properties.get("deregistration_delay_seconds") == 0


RULE = Rule(
    id="REL-047",
    title="No deregistration delay",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "ELB Advanced Features"),
    description="With a deregistration delay (connection draining) the load balancer keeps existing connections open "
    "to a target that is deregistering or unhealthy; without it, those connections are closed at once and every "
    "scale-in or deployment fails the requests in flight.",
    remediation="Keep a deregistration delay a little longer than the slowest request (the default is 300 s); on a "
    "Classic Load Balancer turn connection draining on.",
    check=each_service(
        ("alb", "nlb", "clb"),
        lambda node, graph: _cuts(node),
        lambda node, graph: f"{label(node)} closes connections to a target the moment it deregisters",
    ),
    applies_to=("alb", "nlb", "clb"),
    tags=("network", "deployment"),
    wa_best_practice="REL11-BP01",
    checked="2026-11-23",
)
