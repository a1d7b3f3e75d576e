"""An Auto Scaling group replacing instances on load balancer health checks before they can start."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

MINIMUM_SECONDS = 60


def _grace(node: ServiceNode) -> int | None:
    value = node.properties.get("health_check_grace_period_seconds")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _too_short(node: ServiceNode) -> bool:
    grace = _grace(node)
    return node.properties.get("health_check_type") == "ELB" and grace is not None and grace < MINIMUM_SECONDS


RULE = Rule(
    id="REL-052",
    title="Health check grace period under a minute",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Auto Scaling Policies"),
    description="A new instance needs time to boot before it passes the load balancer's health check; the warm-up "
    "(grace period) keeps it from failing the check and being terminated prematurely. With ELB health checks and "
    "almost no grace period, instances are replaced while they start, so a scale-out or a replacement may never "
    "bring healthy capacity.",
    remediation="Set the health check grace period to at least the time an instance needs to boot and answer the "
    "health check (the default is 300 s).",
    check=each_service(
        ("autoscaling_group",),
        lambda node, graph: _too_short(node),
        lambda node, graph: (
            f"{label(node)} lets new instances only {_grace(node)} s before load balancer health checks can "
            "replace them"
        ),
    ),
    applies_to=("autoscaling_group",),
    tags=("scaling",),
    wa_best_practice="REL11-BP03",
    checked="2026-11-23",
)
