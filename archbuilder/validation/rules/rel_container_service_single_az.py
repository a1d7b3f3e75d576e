"""An ECS service or task whose subnets all lie in one availability zone."""

from archbuilder.graph.queries import in_vpc, zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-023",
    title="ECS service in a single AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Use multiple AZs to assure high availability"),
    description="ECS services place their tasks in the subnets they are given; with subnets of one AZ only, every "
    "task stops when that AZ fails.",
    remediation="Give the service subnets in two or more AZs (extra subnets), so tasks are spread across them.",
    check=each_service(
        ("ecs_service", "fargate_task"),
        lambda node, graph: in_vpc(graph, node) and len(zones_spanned(graph, node)) == 1,
        lambda node, graph: (
            f"{label(node)} has subnets in {next(iter(zones_spanned(graph, node)))} only, so all its tasks share one AZ"
        ),
    ),
    applies_to=("ecs_service", "fargate_task"),
    tags=("containers", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
