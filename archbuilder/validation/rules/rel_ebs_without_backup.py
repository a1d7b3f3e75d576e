"""A production EBS volume that no backup plan covers."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production, label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not is_production(graph):
        return []
    findings = []
    for volume in services_of_type(graph, "ebs_volume"):
        linked = {
            c.source_id if c.target_id == volume.id else c.target_id for c in graph.connections_of(volume.id)
        }
        if not any(graph.architecture.service(other).type == "backup_vault" for other in linked):
            findings.append(rule.finding(volume, f"{label(volume)} has no backup: no backup vault covers it"))
    return findings


RULE = Rule(
    id="REL-030",
    title="EBS volume without backups",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "EBS Gotchas and Limitations"),
    description="EBS volumes fail at 0.1-0.2% a year, good for a drive but very poor without backups; snapshots "
    "(stored in S3) are what make the data durable.",
    remediation="Connect the volume to a backup vault (AWS Backup plan) or schedule snapshots with Data Lifecycle "
    "Manager.",
    check=check,
    applies_to=("ebs_volume", "backup_vault"),
    tags=("storage", "backup"),
    wa_best_practice="REL09-BP03",
    checked="2026-11-22",
)
