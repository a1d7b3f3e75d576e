"""A production database or table that one delete call can remove."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

PROTECTABLE = ("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster", "dynamodb_table")

RULE = Rule(
    id="REL-088",
    title="Production data store without deletion protection",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "RDS Tips"),
    description="Deletion protection makes a delete of the database or table fail until it is turned off on "
    "purpose; without it, one mistaken console click, script or stack update deletes production data (the latest "
    "state is gone even when backups exist).",
    remediation="Turn deletion protection on for production databases and tables.",
    check=each_service(
        PROTECTABLE,
        lambda node, graph: is_production(graph) and node.properties.get("deletion_protection") is False,
        lambda node, graph: f"{label(node)} holds production data without deletion protection",
    ),
    applies_to=PROTECTABLE,
    tags=("database", "backup"),
    wa_best_practice="REL09-BP01",
    checked="2026-12-06",
)
