"""An EFS file system in Max I/O mode without a fleet of clients that would need it."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Clients that are many machines or containers at once: the highly parallel access Max I/O is made for.
FLEETS = {
    "autoscaling_group",
    "ecs_service",
    "fargate_task",
    "eks_node_group",
    "lambda_function",
    "batch_compute_environment",
    "emr_cluster",
    "elastic_beanstalk",
}


def _has_fleet(graph: ArchGraph, files: ServiceNode) -> bool:
    for connection in graph.connections_of(files.id):
        other_id = connection.source_id if connection.target_id == files.id else connection.target_id
        other = graph.architecture.nodes.get(other_id)
        if isinstance(other, ServiceNode) and other.type in FLEETS:
            return True
    return False


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            files,
            f"{label(files)} uses Max I/O mode, which adds latency, with no fleet of clients to need it",
        )
        for files in services_of_type(graph, "efs_file_system")
        if files.properties.get("performance_mode") == "maxIO" and not _has_fleet(graph, files)
    ]


RULE = Rule(
    id="PERF-014",
    title="EFS in Max I/O mode for a few clients",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.HIGH,
    source=cite("000", "EFS Basics"),
    description="Max I/O scales higher than General Purpose but at the cost of higher latency; it suits highly "
    "parallel access from many clients. When in doubt use General Purpose, and switch only when PercentIOLimit "
    "stays near 100 %; the mode is fixed when the file system is created.",
    remediation="Create the file system in General Purpose mode unless a large fleet of clients saturates it.",
    check=check,
    applies_to=("efs_file_system",),
    tags=("storage",),
    wa_best_practice="PERF03-BP02",
    checked="2026-11-23",
)
