"""An SES identity whose bounces and complaints go nowhere."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import links_to_type

# Where SES publishes bounce and complaint notifications (notification topics and event destinations).
NOTIFICATION_TARGETS = {"sns_topic", "eventbridge_bus", "firehose_stream"}


RULE = Rule(
    id="OPS-021",
    title="SES without bounce handling",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "SES Tips"),
    description="Bounce handling has to be in place early: SES can take away the ability to send e-mail from an "
    "account that sees too many bounces. Without notifications nobody learns which addresses bounce or complain, "
    "so the application keeps sending to them.",
    remediation="Connect the identity to an SNS topic (or an EventBridge/Firehose event destination) for bounces "
    "and complaints, and stop sending to the addresses they report.",
    check=each_service(
        ("ses_identity",),
        lambda identity, graph: not links_to_type(graph, identity, NOTIFICATION_TARGETS),
        lambda identity, graph: (
            f"{label(identity)} sends e-mail but its bounces and complaints are not handled"
        ),
    ),
    applies_to=("ses_identity", "sns_topic"),
    tags=("messaging", "monitoring"),
    wa_best_practice="OPS08-BP04",
    checked="2026-11-23",
)
