"""Database with automated backups turned off."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-003",
    title="Automated backups off",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Relational Database Service (RDS)"),
    description="Automated backups give point-in-time recovery; a retention of 0 days turns them off.",
    remediation="Set the backup retention to 7 days or more (up to 35).",
    check=each_service(
        ("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster", "elasticache_cluster"),
        # Memcached keeps no backups at all (LIM-035 reports asking it to): retention 0 is its only state.
        lambda node, graph: (
            node.properties.get("backup_retention_days") == 0
            and not (node.type == "elasticache_cluster" and node.properties.get("engine") == "memcached")
        ),
        lambda node, graph: f"{label(node)} has automated backups turned off (retention 0 days)",
    ),
    applies_to=(
        "rds_instance",
        "aurora_cluster",
        "documentdb_cluster",
        "neptune_cluster",
        "elasticache_cluster",
    ),
    tags=("database", "backup"),
    wa_best_practice="REL09-BP03",
    checked="2026-11-22",
)
