"""Production relational database without Multi-AZ."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="REL-002",
    title="Production database without Multi-AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Relational Database Service (RDS)"),
    description="Multi-AZ keeps a synchronous standby in another AZ and fails over to it automatically; without it "
    "an AZ outage takes the production database down.",
    remediation="Turn on Multi-AZ (Aurora: keep a reader in a second AZ).",
    check=each_service(
        ("rds_instance", "aurora_cluster", "documentdb_cluster", "neptune_cluster"),
        lambda node, graph: is_production(graph) and node.properties.get("multi_az") is False,
        lambda node, graph: f"{label(node)} is a production database without Multi-AZ",
    ),
    applies_to=("rds_instance", "documentdb_cluster", "neptune_cluster"),
    tags=("database", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
