"""An Athena workgroup whose settings each client may override."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-024",
    title="Athena workgroup settings not enforced",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "Amazon Athena"),
    description="A workgroup sets where results go, how they are encrypted and what a query may scan; unless the "
    "workgroup enforces its configuration, every client can override those settings in its own query.",
    remediation="Turn on 'override client-side settings' (EnforceWorkGroupConfiguration) for the workgroup.",
    check=each_service(
        ("athena_workgroup",),
        lambda node, graph: node.properties.get("enforce_workgroup_configuration") is False,
        lambda node, graph: (
            f"{label(node)} lets each client override its result location, encryption and limits"
        ),
    ),
    applies_to=("athena_workgroup",),
    tags=("analytics", "configuration"),
    wa_best_practice="OPS05-BP03",
    checked="2026-12-06",
)
