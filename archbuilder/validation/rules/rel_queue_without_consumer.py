"""An SQS queue that receives messages but that nothing reads."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

PRODUCE = frozenset({ConnectionKind.WRITE, ConnectionKind.EVENT, ConnectionKind.SUBSCRIBE})
# A consumer either polls the queue (queue -> consumer) or reads from it (consumer -> queue).
PULLED_BY = frozenset({ConnectionKind.POLL, ConnectionKind.EVENT, ConnectionKind.INVOKE})
READ_BY = frozenset({ConnectionKind.READ, ConnectionKind.READ_WRITE})


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for queue in services_of_type(graph, "sqs_queue"):
        consumed, writer_ids = False, set()
        for c in graph.connections_of(queue.id):
            if c.source_id == queue.id:
                consumed = consumed or c.kind in PULLED_BY
            elif c.kind in READ_BY:
                consumed = True
            elif c.kind in PRODUCE:
                writer_ids.add(c.source_id)
        if consumed or not writer_ids:
            continue
        writers = [graph.architecture.service(p) for p in sorted(writer_ids)]
        findings.append(
            rule.finding(
                [queue, *writers],
                f"{label(queue)} receives messages from {', '.join(label(p) for p in writers)}, but nothing "
                "reads them",
            )
        )
    return findings


RULE = Rule(
    id="REL-050",
    title="Queue without a consumer",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Simple Queuing Service (SQS)"),
    description="SQS is not a push service: messages wait in the queue until a consumer pulls them. A queue that "
    "producers write to but that nothing polls keeps every message until its retention period ends and then "
    "loses it.",
    remediation="Connect the consumer that should process the messages (a Lambda function polling the queue, or a "
    "service reading from it), or stop sending to the queue.",
    check=check,
    applies_to=("sqs_queue",),
    tags=("messaging",),
    wa_best_practice="REL04-BP02",
    checked="2026-11-23",
)
