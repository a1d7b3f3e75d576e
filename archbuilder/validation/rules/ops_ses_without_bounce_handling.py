"""An SES identity whose bounces and complaints go nowhere."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

# Where SES publishes bounce and complaint notifications (notification topics and event destinations).
NOTIFICATION_TARGETS = {"sns_topic", "eventbridge_bus", "firehose_stream"}


def _notifies(graph: ArchGraph, identity: ServiceNode) -> bool:
    return any(target.type in NOTIFICATION_TARGETS for target in linked(graph, identity))


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            identity, f"{label(identity)} sends e-mail but its bounces and complaints are not handled"
        )
        for identity in services_of_type(graph, "ses_identity")
        if not _notifies(graph, identity)
    ]


RULE = Rule(
    id="OPS-021",
    title="SES without bounce handling",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    source=cite("000", "SES Tips"),
    description="Bounce handling has to be in place early: SES can take away the ability to send e-mail from an "
    "account that sees too many bounces. Without notifications nobody learns which addresses bounce or complain, "
    "so the application keeps sending to them.",
    remediation="Connect the identity to an SNS topic (or an EventBridge/Firehose event destination) for bounces "
    "and complaints, and stop sending to the addresses they report.",
    check=check,
)
