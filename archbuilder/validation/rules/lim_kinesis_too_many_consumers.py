"""A Kinesis stream read by more applications than its shards' read rate allows."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

READS_PER_SHARD_PER_SECOND = 5
READ_KINDS = {ConnectionKind.POLL, ConnectionKind.READ, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for stream in services_of_type(graph, "kinesis_stream"):
        consumers: set[str] = set()
        for connection in graph.connections_of(stream.id):
            if connection.kind is ConnectionKind.POLL and connection.source_id == stream.id:
                consumers.add(connection.target_id)
            elif connection.kind in READ_KINDS and connection.target_id == stream.id:
                consumers.add(connection.source_id)
        if len(consumers) > READS_PER_SHARD_PER_SECOND:
            findings.append(
                rule.finding(
                    stream,
                    f"{label(stream)} has {len(consumers)} consuming applications sharing "
                    f"{READS_PER_SHARD_PER_SECOND} reads per second per shard",
                )
            )
    return findings


RULE = Rule(
    id="LIM-009",
    title="Too many consumers on a Kinesis stream",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "Kinesis Streams Gotchas and Limitations"),
    description="Each shard permits 5 reads per second, and every consuming application must read every shard, so "
    "all consumers together share 5 reads per second; more consumers than that are throttled and fall behind.",
    remediation="Fan the stream out (one consumer writing to SNS/SQS or other streams), or use enhanced fan-out "
    "consumers.",
    check=check,
    applies_to=("kinesis_stream", "lambda_function"),
    tags=("limits", "streaming"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
