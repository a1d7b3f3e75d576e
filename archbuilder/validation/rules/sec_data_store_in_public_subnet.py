"""A database, cache or warehouse placed in a public subnet."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_stores, in_public_subnet
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(node, f"{label(node)} is a data store in a public subnet")
        for node in data_stores(graph)
        if in_public_subnet(graph, node)
    ]


RULE = Rule(
    id="SEC-003",
    title="Data store in a public subnet",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("002", "Subnets"),
    description="Databases, caches and warehouses belong in private subnets, with no route from the internet.",
    remediation="Move the data store into private subnets (one per AZ) and let only the application tier's security group reach it.",
    check=check,
    applies_to=(
        "rds_instance",
        "aurora_cluster",
        "dynamodb_table",
        "elasticache_cluster",
        "redshift_cluster",
        "opensearch_domain",
    ),
    tags=("data", "exposure", "network"),
    wa_best_practice="SEC05-BP01",
    checked="2026-11-22",
)
