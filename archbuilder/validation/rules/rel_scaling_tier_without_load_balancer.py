"""A scaling web tier that the internet reaches directly instead of through a load balancer."""

from archbuilder.graph.queries import directly_exposed
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-022",
    title="Scaling tier exposed without a load balancer",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "High Availability Tips"),
    description="The typical highly available layout is two or more AZs with load balancing in front; a scaling "
    "group or service reached directly gets new addresses whenever instances or tasks are replaced, and nothing "
    "spreads requests or stops sending them to failed members.",
    remediation="Put an internet-facing load balancer in public subnets in front of the tier, move the tier to private "
    "subnets and allow traffic only from the load balancer.",
    check=each_service(
        ("autoscaling_group", "ecs_service", "fargate_task"),
        lambda node, graph: directly_exposed(graph, node.id),
        lambda node, graph: f"{label(node)} takes internet traffic directly, with no load balancer in front",
    ),
    applies_to=("autoscaling_group", "ecs_service", "fargate_task"),
    tags=("compute", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-11-22",
)
