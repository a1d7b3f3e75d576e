"""Replicas and standbys kept running in a non-production design."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label
from archbuilder.validation.rules._links import count


def _replicated(node: ServiceNode) -> bool:
    if node.type == "elasticache_cluster":
        return count(node.properties.get("num_nodes"), 1) > 1 or node.properties.get("multi_az") is True
    if node.type == "redshift_cluster":
        return node.properties.get("multi_az") is True
    return count(node.properties.get("instance_count"), 1) > 1


RULE = Rule(
    id="SUS-016",
    title="Replicas outside production",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Multi-AZ replication with auto failover"),
    description="Replicas and standby copies exist to survive failures production cannot afford; in development or "
    "test they double the instances running around the clock for an availability nobody needs.",
    remediation="Run non-production caches, clusters and warehouses on one node or instance, and keep replicas for "
    "production.",
    check=each_service(
        (
            "elasticache_cluster",
            "aurora_cluster",
            "documentdb_cluster",
            "neptune_cluster",
            "redshift_cluster",
        ),
        lambda node, graph: not is_production(graph) and _replicated(node),
        lambda node, graph: f"{label(node)} keeps replicas running in a non-production design",
    ),
    applies_to=(
        "elasticache_cluster",
        "aurora_cluster",
        "documentdb_cluster",
        "neptune_cluster",
        "redshift_cluster",
    ),
    tags=("waste", "database"),
    wa_best_practice="SUS02-BP03",
    checked="2026-12-06",
)
