"""An SQS queue that deletes messages before a consumer's claim on them runs out."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-078",
    title="Retention shorter than the visibility timeout",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon SQS visibility timeout"),
    description="A received message stays hidden for the visibility timeout while the consumer works on it, and "
    "comes back if it is not deleted; a queue that keeps messages for less time than that deletes a message before "
    "a failed consumer's claim runs out, so it is never retried.",
    remediation="Keep messages several times longer than the visibility timeout (retention up to 14 days).",
    check=each_service(
        ("sqs_queue",),
        lambda node, graph: (
            count(node.properties.get("message_retention_seconds"), 345600)
            <= count(node.properties.get("visibility_timeout_seconds"), 30)
        ),
        lambda node, graph: (
            f"{label(node)} keeps messages {count(node.properties.get('message_retention_seconds'))} s "
            f"but hides a received one for {count(node.properties.get('visibility_timeout_seconds'))} s: it can expire "
            "before it is retried"
        ),
    ),
    applies_to=("sqs_queue",),
    tags=("messaging", "availability"),
    wa_best_practice="REL05-BP04",
    checked="2026-12-06",
)
