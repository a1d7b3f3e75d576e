"""DynamoDB table without point-in-time recovery."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-011",
    title="DynamoDB without point-in-time recovery",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "On-Demand Backup and Restore -"),
    description="Without backups a mistaken write or delete in the table cannot be undone.",
    remediation="Turn on point-in-time recovery.",
    check=each_service(
        ("dynamodb_table",),
        lambda node, graph: node.properties.get("point_in_time_recovery") is False,
        lambda node, graph: f"{label(node)} has point-in-time recovery turned off",
    ),
    applies_to=("dynamodb_table",),
    tags=("database", "backup"),
    wa_best_practice="REL09-BP01",
    checked="2026-11-22",
)
