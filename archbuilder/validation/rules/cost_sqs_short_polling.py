"""A queue read with short polling, paying for empty responses."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-011",
    title="SQS short polling",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("003", "- Use Long Polling to reduce empty responses"),
    description="With a receive wait time of 0 the queue uses short polling: every ReceiveMessage returns at once, "
    "often empty, and each of those calls is billed; long polling waits up to 20 s for a message instead.",
    remediation="Set the queue's receive message wait time to 20 seconds (long polling).",
    check=each_service(
        ("sqs_queue",),
        lambda node, graph: node.properties.get("receive_wait_seconds") == 0,
        lambda node, graph: f"{label(node)} uses short polling, so consumers pay for empty receives",
    ),
    applies_to=("sqs_queue",),
    tags=("cost", "messaging"),
    wa_best_practice="COST06-BP02",
    checked="2026-11-22",
)
