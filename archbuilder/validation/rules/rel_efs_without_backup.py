"""An EFS file system that AWS Backup does not snapshot."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-054",
    title="EFS file system without backups",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Use AWS Backup to create EFS snapshots"),
    description="EFS stores files redundantly across AZs, which protects against hardware loss but not against a "
    "deleted or overwritten file, a bad deployment or ransomware; AWS Backup snapshots are what a file system is "
    "restored from.",
    remediation="Turn on automatic backups for the file system (AWS Backup), or add it to a backup plan.",
    check=each_service(
        ("efs_file_system",),
        lambda node, graph: node.properties.get("backup_enabled") is False,
        lambda node, graph: f"{label(node)} has automatic backups turned off",
    ),
    applies_to=("efs_file_system",),
    tags=("storage", "backup"),
    wa_best_practice="REL09-BP03",
    checked="2026-11-23",
)
