"""RDS SQL Server Express or Web edition marked Multi-AZ."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

SINGLE_AZ_EDITIONS = {"sqlserver-ex": "Express", "sqlserver-web": "Web"}

RULE = Rule(
    id="LIM-065",
    title="SQL Server edition without Multi-AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "RDS SQL Server Gotchas and Limitations"),
    description="RDS Multi-AZ for SQL Server uses the engine's own mirroring or Always On availability groups, "
    "which the Standard and Enterprise editions have; the Express and Web editions cannot be deployed Multi-AZ.",
    remediation="Use the Standard or Enterprise edition for a Multi-AZ database, or deploy Express or Web single-AZ.",
    check=each_service(
        ("rds_instance",),
        lambda node, graph: (
            node.properties.get("engine") in SINGLE_AZ_EDITIONS and node.properties.get("multi_az") is True
        ),
        lambda node, graph: (
            f"{label(node)} is SQL Server {SINGLE_AZ_EDITIONS[str(node.properties.get('engine'))]}, "
            "which RDS cannot deploy Multi-AZ"
        ),
    ),
    applies_to=("rds_instance",),
    tags=("database", "limits", "multi-az"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
