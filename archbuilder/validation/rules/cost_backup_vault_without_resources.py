"""An AWS Backup vault that nothing backs up into."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

INTO = {ConnectionKind.WRITE, ConnectionKind.REPLICATE, ConnectionKind.ATTACH}

RULE = Rule(
    id="COST-025",
    title="Backup vault protecting nothing",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("002", "AWS Backup"),
    description="AWS Backup consolidates the backups of EC2, EBS, EFS, FSx, RDS, DynamoDB and Storage Gateway under "
    "a plan that writes them to a vault; a vault no resource is backed up into protects nothing, while the design "
    "suggests the data is safe.",
    remediation="Connect the resources the plan should protect to the vault, or remove it.",
    check=each_service(
        ("backup_vault",),
        lambda node, graph: not has_link(graph, node, INTO, direction="in"),
        lambda node, graph: f"{label(node)} has no resource backed up into it",
    ),
    applies_to=("backup_vault",),
    tags=("backup", "waste"),
    wa_best_practice="COST04-BP03",
    checked="2026-12-06",
)
