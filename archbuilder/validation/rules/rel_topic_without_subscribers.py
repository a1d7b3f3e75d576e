"""An SNS topic that something publishes to but nobody subscribes to."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

PUBLISH = {ConnectionKind.WRITE, ConnectionKind.EVENT}
SUBSCRIBE = {ConnectionKind.SUBSCRIBE}

RULE = Rule(
    id="REL-079",
    title="Topic without subscribers",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Simple Notification Service (SNS)"),
    description="SNS pushes each published message to the topic's subscribers at once and keeps nothing: a topic "
    "that is published to but has no subscription delivers nothing, and the messages are gone.",
    remediation="Subscribe the queues, functions or endpoints that should receive the messages to the topic.",
    check=each_service(
        ("sns_topic",),
        lambda node, graph: (
            has_link(graph, node, PUBLISH, direction="in") and not has_link(graph, node, SUBSCRIBE)
        ),
        lambda node, graph: f"{label(node)} is published to but has no subscriber, so its messages are lost",
    ),
    applies_to=("sns_topic",),
    tags=("messaging",),
    wa_best_practice="REL04-BP02",
    checked="2026-12-06",
)
