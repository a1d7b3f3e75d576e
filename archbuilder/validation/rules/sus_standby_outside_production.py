"""A Multi-AZ database (a standby that serves no queries) in a development or staging design."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="SUS-015",
    title="Standby database outside production",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("002", "Relational Database Service (RDS)"),
    description="Multi-AZ keeps an exact copy of the database running in another AZ for disaster recovery, not for "
    "performance: no query can be sent to the standby. Outside production, where a failover is not worth a "
    "second instance, the standby doubles the database's resources for nothing.",
    remediation="Turn Multi-AZ off for development and staging databases (keep it for production).",
    check=each_service(
        ("rds_instance",),
        lambda node, graph: not is_production(graph) and node.properties.get("multi_az") is True,
        lambda node, graph: (
            f"{label(node)} runs a Multi-AZ standby that serves no queries in a "
            f"{graph.architecture.metadata.environment.value} design"
        ),
    ),
    applies_to=("rds_instance",),
    tags=("database", "waste"),
    wa_best_practice="SUS02-BP03",
    checked="2026-11-23",
)
