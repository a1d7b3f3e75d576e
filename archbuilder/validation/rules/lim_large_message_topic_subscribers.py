"""An SNS topic set to messages above 256 KiB with subscribers it cannot deliver them to."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import count, linked

DEFAULT_MAX_BYTES = 262144
# What a topic accepting messages above 256 KiB may deliver to, and how many subscriptions it may have.
LARGE_MESSAGE_SUBSCRIBERS = {"sqs_queue", "lambda_function", "firehose_stream"}
MAX_SUBSCRIPTIONS = 100
SUBSCRIBE = {ConnectionKind.SUBSCRIBE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for topic in services_of_type(graph, "sns_topic"):
        size = count(topic.properties.get("max_message_size_bytes"), DEFAULT_MAX_BYTES)
        if size <= DEFAULT_MAX_BYTES:
            continue
        subscribers = linked(graph, topic, SUBSCRIBE)
        for subscriber in subscribers:
            if subscriber.type not in LARGE_MESSAGE_SUBSCRIBERS:
                findings.append(
                    rule.finding(
                        [topic, subscriber],
                        f"{label(topic)} accepts messages of up to {size:,} bytes, so it can deliver only to SQS, "
                        f"Lambda and Firehose subscribers, not to {label(subscriber)}",
                    )
                )
        if len(subscribers) > MAX_SUBSCRIPTIONS:
            findings.append(
                rule.finding(
                    topic,
                    f"{label(topic)} accepts messages above 256 KiB and has {len(subscribers)} subscriptions; such a "
                    f"topic takes at most {MAX_SUBSCRIPTIONS}",
                )
            )
    return findings


RULE = Rule(
    id="LIM-046",
    title="Large-message topic with subscribers it cannot serve",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Simple Notification Service (SNS)"),
    description="An SNS topic's messages are at most 256 KiB unless its maximum message size is raised, up to 1 MiB; "
    "a topic set above 256 KiB delivers only to SQS queues, Lambda functions and Firehose streams, and holds at "
    "most 100 subscriptions. Other subscriptions (HTTP, e-mail, SMS, mobile push) are refused.",
    remediation="Keep the topic at 256 KiB for those subscribers (send larger payloads through S3 with the "
    "Extended Client Library), or give them a topic of their own.",
    check=check,
    checked="2026-12-06",
    note="The guide knows only 256 KB messages; topics can be raised to 1 MiB since 2025, with these limits.",
    applies_to=("sns_topic", "sqs_queue", "lambda_function", "firehose_stream"),
    tags=("limits", "messaging"),
    wa_best_practice="REL01-BP03",
)
