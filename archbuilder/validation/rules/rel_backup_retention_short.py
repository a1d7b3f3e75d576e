"""Automated database backups kept for less than a week."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

DATABASES = ("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster")
RECOMMENDED_DAYS = 7


def _days(node: ServiceNode) -> int:
    return count(node.properties.get("backup_retention_days"))


RULE = Rule(
    id="REL-042",
    title="Backups kept less than a week",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("001", "Things to consider when using RDS instances"),
    description="Backup storage up to the size of the database is included at no extra cost; beyond the default of "
    "one day, keep automated backups for at least 7 days so point-in-time recovery reaches back past a weekend or a "
    "problem noticed late.",
    remediation="Set the backup retention to 7 days or more (up to 35).",
    check=each_service(
        DATABASES,
        lambda node, graph: 0 < _days(node) < RECOMMENDED_DAYS,
        lambda node, graph: (
            f"{label(node)} keeps automated backups for {_days(node)} day{'s' if _days(node) > 1 else ''}; keep at "
            f"least {RECOMMENDED_DAYS}"
        ),
    ),
    applies_to=("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster"),
    tags=("database", "backup"),
    wa_best_practice="REL09-BP01",
    checked="2026-11-23",
)
