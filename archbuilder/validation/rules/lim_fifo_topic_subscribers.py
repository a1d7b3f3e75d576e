"""A FIFO SNS topic with a subscriber that is not a FIFO SQS queue."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for topic in services_of_type(graph, "sns_topic"):
        if topic.properties.get("fifo") is not True:
            continue
        for target_id in sorted(graph.flow.successors(topic.id)):
            if ConnectionKind.SUBSCRIBE not in graph.flow.edges[topic.id, target_id]["kinds"]:
                continue
            subscriber = graph.architecture.service(target_id)
            if subscriber.type != "sqs_queue" or subscriber.properties.get("fifo") is not True:
                findings.append(
                    rule.finding(
                        [topic, subscriber],
                        f"FIFO topic {label(topic)} cannot deliver to {label(subscriber)}: only FIFO SQS queues "
                        "can subscribe",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-017",
    title="FIFO topic with a non-FIFO subscriber",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Simple Notification Service (SNS)"),
    description="A FIFO SNS topic supports only SQS FIFO queues as subscribers; Lambda functions, standard queues, "
    "HTTP endpoints and the like cannot subscribe to it.",
    remediation="Subscribe a FIFO SQS queue (and let the consumer poll it), or make the topic standard.",
    check=check,
    applies_to=("sns_topic", "sqs_queue"),
    tags=("limits", "messaging"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
