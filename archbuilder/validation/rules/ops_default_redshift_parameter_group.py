"""A Redshift cluster left on the default cluster parameter group."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-008",
    title="Redshift on the default parameter group",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "Redshift Tips"),
    description="The default cluster parameter group does not allow dynamic configuration changes; create a cluster "
    "parameter group (and option group) for the cluster from the start.",
    remediation="Create a custom cluster parameter group and attach it to the cluster.",
    check=each_service(
        ("redshift_cluster",),
        lambda node, graph: node.properties.get("custom_parameter_group") is False,
        lambda node, graph: (
            f"{label(node)} uses the default cluster parameter group, which cannot be changed"
        ),
    ),
    applies_to=("redshift_cluster",),
    tags=("analytics", "configuration"),
    wa_best_practice="OPS05-BP03",
    checked="2026-11-22",
)
