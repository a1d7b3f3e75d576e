"""An ECS service running its tasks on EC2 container instances in a design with no ECS cluster for them to join."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # Fargate tasks need no instances; EC2 tasks are placed on instances registered to a cluster, which the export
    # writes for the design's first ECS cluster (exporters/cloudformation/container_instances.py) and refuses
    # without one.
    if services_of_type(graph, "ecs_cluster"):
        return []
    return [
        rule.finding(
            service,
            f"{label(service)} runs its tasks on EC2, but the design has no ECS cluster for its container "
            "instances to join",
        )
        for service in services_of_type(graph, "ecs_service")
        if service.properties.get("launch_type") == "EC2"
    ]


RULE = Rule(
    id="LIM-093",
    title="ECS service on EC2 without a cluster",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "ECS Basics"),
    description="ECS manages clusters of services deployed via Docker: a service on the EC2 launch type places its "
    "tasks on the container instances registered to its cluster, so without a cluster in the design there is "
    "nothing for the service's instances to join, and the CloudFormation and Terraform exports refuse it.",
    remediation="Add an ECS cluster to the design (its instances then join it through a capacity provider), or set "
    "the service's launch type to FARGATE, which needs no instances.",
    check=check,
    applies_to=("ecs_service", "ecs_cluster"),
    tags=("containers", "limits", "deployment"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
