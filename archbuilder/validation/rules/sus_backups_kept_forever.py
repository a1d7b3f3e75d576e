"""A backup vault whose plan never expires the recovery points it creates."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SUS-013",
    title="Backups kept forever",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("002", "AWS Backup"),
    description="AWS Backup plans create backups on a schedule and can expire unnecessary backups after a period "
    "of time; without an expiry every recovery point ever taken stays stored, although only the recent ones are "
    "ever restored.",
    remediation="Set a retention (delete after N days) on the backup plan that matches the recovery needs, and a "
    "move to cold storage for long-term copies.",
    check=each_service(
        ("backup_vault",),
        lambda node, graph: not node.properties.get("delete_after_days"),
        lambda node, graph: f"{label(node)} keeps every backup forever: its plan sets no expiry",
    ),
    applies_to=("backup_vault",),
    tags=("backup", "lifecycle"),
    wa_best_practice="SUS04-BP08",
    checked="2026-11-23",
)
