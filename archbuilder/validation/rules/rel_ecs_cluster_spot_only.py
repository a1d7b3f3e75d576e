"""A production ECS cluster whose only capacity is Fargate Spot."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label


def _spot_only(node: ServiceNode) -> bool:
    providers = node.properties.get("capacity_providers")
    return isinstance(providers, list) and bool(providers) and set(providers) <= {"FARGATE_SPOT"}


RULE = Rule(
    id="REL-061",
    title="Production cluster on Spot capacity only",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Use Fargate to keep it simple, use EC2 to keep it low-cost"),
    description="Fargate Spot tasks run on spare capacity that AWS takes back with two minutes' notice, and new "
    "tasks wait when none is spare; a production cluster whose only capacity provider is FARGATE_SPOT can lose "
    "every task of a service at once.",
    remediation="Add the FARGATE capacity provider and give each service a base of On-Demand tasks (a capacity "
    "provider strategy with a base on FARGATE), keeping Spot for the tasks above it.",
    check=each_service(
        ("ecs_cluster",),
        lambda node, graph: is_production(graph) and _spot_only(node),
        lambda node, graph: (
            f"{label(node)} runs production tasks on Fargate Spot only, which AWS may reclaim at any time"
        ),
    ),
    applies_to=("ecs_cluster", "ecs_service", "fargate_task"),
    tags=("containers", "availability", "pricing"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
