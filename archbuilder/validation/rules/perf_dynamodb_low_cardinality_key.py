"""A DynamoDB table keyed by an attribute with few distinct values."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# Attribute names that by their meaning hold a handful of values.
LOW_CARDINALITY = {
    "status",
    "state",
    "type",
    "kind",
    "category",
    "country",
    "region",
    "gender",
    "flag",
    "active",
    "enabled",
    "date",
    "day",
    "month",
    "year",
}


def _key(node: ServiceNode) -> str:
    return str(node.properties.get("partition_key") or "")


RULE = Rule(
    id="PERF-006",
    title="Low-cardinality DynamoDB partition key",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.HIGH,
    source=cite("003", "- Avoid hot partition by using high cardinality partition key"),
    description="Items are spread over partitions by their partition key; a key with few values (a status, a type, "
    "a date) concentrates traffic on a few hot partitions that throttle while others idle.",
    remediation="Partition by a high-cardinality attribute (e.g. a user or order id) and query the old key through "
    "a secondary index.",
    check=each_service(
        ("dynamodb_table",),
        lambda node, graph: _key(node).strip().lower().replace("-", "_").split("_")[-1] in LOW_CARDINALITY,
        lambda node, graph: f"{label(node)} is partitioned by '{_key(node)}', which has few distinct values",
    ),
    applies_to=("dynamodb_table",),
    tags=("database",),
    wa_best_practice="PERF03-BP02",
    checked="2026-11-22",
)
