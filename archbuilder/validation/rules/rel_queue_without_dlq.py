"""SQS queue without a dead-letter queue."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-009",
    title="Queue without dead-letter queue",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Dead-Letter Queues"),
    description="Messages that keep failing are retried until they expire; a dead-letter queue isolates them for debugging and redrive.",
    remediation="Give the queue a dead-letter queue and alarm on its depth.",
    check=each_service(
        ("sqs_queue",),
        lambda node, graph: node.properties.get("dead_letter_queue") is False,
        lambda node, graph: f"{label(node)} has no dead-letter queue",
    ),
    applies_to=("sqs_queue",),
    tags=("messaging", "availability"),
    wa_best_practice="REL05-BP04",
    checked="2026-11-22",
)
