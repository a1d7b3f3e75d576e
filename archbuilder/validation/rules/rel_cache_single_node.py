"""Production cache with a single node."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="REL-017",
    title="Single-node production cache",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="A cache of one node lives in one AZ; deploying key infrastructure across at least two AZs keeps it "
    "(and the load it takes off the database) through an AZ outage.",
    remediation="Use two or more nodes in different AZs with automatic failover.",
    check=each_service(
        ("elasticache_cluster", "dax_cluster"),
        lambda node, graph: is_production(graph) and int(node.properties.get("num_nodes") or 1) < 2,
        lambda node, graph: f"{label(node)} has a single node",
    ),
    applies_to=("elasticache_cluster", "dax_cluster"),
    tags=("database", "availability"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
