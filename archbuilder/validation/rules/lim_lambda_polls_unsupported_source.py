"""A Lambda event source mapping drawn from a service that is not a queue or stream."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

# What an event source mapping can read; MSK (a Kafka topic) is also supported today. Imported `generic`
# resources are unknown and left alone.
POLLABLE = {"sqs_queue", "kinesis_stream", "dynamodb_table", "msk_cluster", "generic"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for function in services_of_type(graph, "lambda_function"):
        for source in linked(graph, function, [ConnectionKind.POLL], direction="in"):
            if source.type not in POLLABLE:
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
    source=cite("004", "Invoking Lambda functions"),
    description="An event source mapping reads items in batches from an SQS queue, a Kinesis stream or a DynamoDB "
    "stream; other services (S3, SNS, EventBridge, API Gateway...) invoke the function themselves and cannot be "
    "polled.",
    remediation="Draw the connection as an event or invoke from the service to the function, or put a queue between "
    "them and let the function poll the queue.",
    check=check,
)
