"""Auto Scaling group behind a load balancer that only uses EC2 health checks."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph.queries import neighbours_of_type
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-016",
    title="Scaling group ignores load balancer health",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "Auto Scaling Tips"),
    description="Auto Scaling can replace instances that a CLB or ALB has marked unhealthy; with EC2 health checks "
    "only, an instance whose application fails keeps receiving traffic.",
    remediation="Set the group's health check type to ELB (with a grace period longer than boot time).",
    check=each_service(
        ("autoscaling_group",),
        lambda node, graph: (
            node.properties.get("health_check_type") == "EC2"
            and bool(neighbours_of_type(graph, node.id, {"alb", "nlb", "clb"}, direction="in"))
            and any(c.kind is ConnectionKind.TRAFFIC for c in graph.connections_of(node.id))
        ),
        lambda node, graph: f"{label(node)} is behind a load balancer but only uses EC2 health checks",
    ),
    applies_to=("autoscaling_group", "alb", "nlb", "clb"),
    tags=("compute", "availability"),
    wa_best_practice="REL11-BP03",
    checked="2026-11-22",
)
