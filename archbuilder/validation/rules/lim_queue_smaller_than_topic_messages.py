"""An SQS queue subscribed to an SNS topic but accepting smaller messages than the topic delivers."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import connections_by_kind, count

DEFAULT_MAX_BYTES = 262144  # 256 KiB: a topic's and the catalog's queue default


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if "sns_topic" not in graph.by_type or "sqs_queue" not in graph.by_type:
        return []
    services = graph.architecture.nodes
    pairs = sorted(
        {
            (c.target_id, c.source_id)
            for c in connections_by_kind(graph).get(ConnectionKind.SUBSCRIBE, ())
            if getattr(services.get(c.source_id), "type", None) == "sns_topic"
            and getattr(services.get(c.target_id), "type", None) == "sqs_queue"
        }
    )
    findings = []
    for queue_id, topic_id in pairs:
        queue, topic = graph.architecture.service(queue_id), graph.architecture.service(topic_id)
        limit = count(queue.properties.get("max_message_size_bytes"), DEFAULT_MAX_BYTES)
        published = count(topic.properties.get("max_message_size_bytes"), DEFAULT_MAX_BYTES)
        if limit < published:
            findings.append(
                rule.finding(
                    [queue, topic],
                    f"{label(queue)} accepts messages up to {limit:,} bytes but is subscribed to {label(topic)}, "
                    f"which publishes messages of up to {published:,} bytes; larger ones are not delivered",
                )
            )
    return findings


RULE = Rule(
    id="LIM-044",
    title="Subscribed queue smaller than the topic's messages",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Simple Notification Service (SNS)"),
    description="SNS messages can be up to 256 KiB, or up to 1 MiB on a topic set to accept more; a queue subscribed "
    "to a topic with a lower maximum message size rejects every notification above its limit, so those messages "
    "never reach the queue's consumers (at best they end in the subscription's dead-letter queue).",
    remediation="Raise the queue's maximum message size to the topic's (SQS accepts up to 1 MiB), or keep the "
    "published messages below the queue's limit.",
    check=check,
    checked="2026-12-06",
    note="The guide's 256 KB is a topic's default today: SQS queues accept up to 1 MiB since August 2025 and SNS "
    "topics can be set to 1 MiB, so the rule compares the queue with its topic's own maximum.",
    applies_to=("sqs_queue", "sns_topic"),
    tags=("limits", "messaging"),
    wa_best_practice="REL01-BP03",
)
