"""Containers pulling their images from an ECR repository in another region."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Services that start containers from repository images.
IMAGE_CONSUMERS = {
    "ecs_service",
    "fargate_task",
    "eks_node_group",
    "lambda_function",
    "batch_compute_environment",
    "codebuild_project",
    "sagemaker_endpoint",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for repository in services_of_type(graph, "ecr_repository"):
        home = graph.placements[repository.id].region
        if home is None:
            continue
        consumers: dict[str, ServiceNode] = {}
        for connection in graph.connections_of(repository.id):
            other_id = connection.source_id if connection.target_id == repository.id else connection.target_id
            other = graph.architecture.nodes.get(other_id)
            if isinstance(other, ServiceNode) and other.type in IMAGE_CONSUMERS:
                region = graph.placements[other.id].region
                if region is not None and region != home:
                    consumers[other.id] = other
        for consumer_id in sorted(consumers):
            consumer = consumers[consumer_id]
            findings.append(
                rule.finding(
                    [consumer, repository],
                    f"{label(consumer)} in {graph.placements[consumer.id].region} pulls images from "
                    f"{label(repository)} in {home}: every pull crosses regions",
                )
            )
    return findings


RULE = Rule(
    id="PERF-013",
    title="Container images pulled from another region",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite(
        "003", "- Repositories - private or public Docker images collections with multi-architecture support"
    ),
    description="An ECR repository exists in one region; tasks in another region pull every image across regions, "
    "which slows each start (and scale-out) and is billed as inter-region transfer. The guide says to replicate "
    "repositories between regions where needed.",
    remediation="Turn on ECR cross-region replication to the consumer's region and pull from the local replica.",
    check=check,
    applies_to=("ecr_repository", "ecs_service", "fargate_task", "eks_node_group", "lambda_function"),
    tags=("containers", "topology"),
    wa_best_practice="PERF04-BP06",
    checked="2026-11-23",
)
