"""A database left on the engine's default parameter group."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-006",
    title="Database on the default parameter group",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "RDS Tips"),
    description="The default parameter group does not allow configuration changes; create your own parameter group "
    "(and option group) when creating the database, since switching later needs a reboot.",
    remediation="Create a custom parameter group for the engine and attach it to the database from the start.",
    check=each_service(
        ("rds_instance", "aurora_cluster"),
        lambda node, graph: node.properties.get("custom_parameter_group") is False,
        lambda node, graph: (
            f"{label(node)} uses the engine's default parameter group, which cannot be changed"
        ),
    ),
    applies_to=("rds_instance", "aurora_cluster"),
    tags=("database", "configuration"),
    wa_best_practice="OPS05-BP03",
    checked="2026-11-22",
)
