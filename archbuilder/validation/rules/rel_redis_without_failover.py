"""A production Redis cache with replicas but automatic failover off."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-043",
    title="Redis replicas without automatic failover",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Multi-AZ replication with auto failover"),
    description="Redis replicates its primary to replica nodes and, with automatic failover, promotes a replica "
    "when the primary or its AZ fails; with failover off, the replicas keep the data but writes stop until someone "
    "promotes one by hand.",
    remediation="Turn on automatic failover (and Multi-AZ) for the replication group.",
    check=each_service(
        ("elasticache_cluster",),
        lambda node, graph: (
            is_production(graph)
            and node.properties.get("engine", "redis") == "redis"
            and count(node.properties.get("num_nodes"), 1) >= 2
            and node.properties.get("automatic_failover") is False
        ),
        lambda node, graph: (
            f"{label(node)} has {count(node.properties.get('num_nodes'), 1)} Redis nodes but automatic failover "
            "is off, so losing the primary stops writes"
        ),
    ),
    applies_to=("elasticache_cluster",),
    tags=("database", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-11-23",
)
