"""A Lambda event source mapping drawn from a service that is not a queue or stream."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import connections_by_kind

# What an event source mapping can read; MSK (a Kafka topic) is also supported today. Imported `generic`
# resources are unknown and left alone.
POLLABLE = {"sqs_queue", "kinesis_stream", "dynamodb_table", "msk_cluster", "generic"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if "lambda_function" not in graph.by_type:
        return []
    services = graph.architecture.nodes
    # Only the poll connections, instead of every connection of every function.
    pairs = sorted(
        {
            (c.target_id, c.source_id)
            for c in connections_by_kind(graph).get(ConnectionKind.POLL, ())
            if getattr(services.get(c.target_id), "type", None) == "lambda_function"
            and getattr(services.get(c.source_id), "type", None) not in POLLABLE
        }
    )
    findings = []
    for function_id, source_id in pairs:
        function, source = graph.architecture.service(function_id), graph.architecture.service(source_id)
        findings.append(
            rule.finding(
                [function, source],
                f"{label(function)} polls {label(source)}, but Lambda event source mappings read only SQS "
                "queues, Kinesis streams and DynamoDB streams",
            )
        )
    return findings


RULE = Rule(
    id="LIM-025",
    title="Lambda polls a service that is not a queue or stream",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "Invoking Lambda functions"),
    description="An event source mapping reads items in batches from an SQS queue, a Kinesis stream or a DynamoDB "
    "stream; other services (S3, SNS, EventBridge, API Gateway...) invoke the function themselves and cannot be "
    "polled.",
    remediation="Draw the connection as an event or invoke from the service to the function, or put a queue between "
    "them and let the function poll the queue.",
    check=check,
    applies_to=("lambda_function", "sqs_queue", "kinesis_stream", "dynamodb_table", "msk_cluster"),
    tags=("limits", "serverless", "messaging"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
