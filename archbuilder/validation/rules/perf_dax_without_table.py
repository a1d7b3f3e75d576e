"""A DAX cluster that caches no DynamoDB table."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

RULE = Rule(
    id="PERF-019",
    title="DAX cluster in front of no table",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("002", "DynamoDB Accelerator (DAX)"),
    description="DAX is an in-memory cache that speaks the DynamoDB API and reads through to DynamoDB tables; a "
    "cluster connected to no table has nothing to cache, and its nodes run for nothing.",
    remediation="Connect the DAX cluster to the DynamoDB tables it accelerates, or remove it.",
    check=each_service(
        ("dax_cluster",),
        lambda node, graph: not any(n.type == "dynamodb_table" for n in linked(graph, node)),
        lambda node, graph: f"{label(node)} reads through to no DynamoDB table",
    ),
    applies_to=("dax_cluster", "dynamodb_table"),
    tags=("database", "caching"),
    wa_best_practice="PERF03-BP05",
    checked="2026-12-06",
)
