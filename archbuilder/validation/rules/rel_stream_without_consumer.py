"""A Kinesis stream written to but read by nobody."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

WRITES = {ConnectionKind.WRITE, ConnectionKind.EVENT, ConnectionKind.LOGS}
# Consumers read the stream, the stream feeds them (poll, event source mapping) or Firehose reads it.
READ_IN = {ConnectionKind.READ, ConnectionKind.READ_WRITE}
FEEDS = {ConnectionKind.POLL, ConnectionKind.EVENT, ConnectionKind.TRAFFIC, ConnectionKind.WRITE}

RULE = Rule(
    id="REL-080",
    title="Stream without a consumer",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Kinesis Streams Basics"),
    description="A Kinesis stream keeps records only for its retention period (24 hours by default); records that "
    "no application, function or Firehose reads in that time are lost, and the shards are billed meanwhile.",
    remediation="Connect the consumer that processes the records (a Lambda event source mapping, a KCL application, "
    "Firehose), or remove the stream.",
    check=each_service(
        ("kinesis_stream",),
        lambda node, graph: (
            has_link(graph, node, WRITES, direction="in")
            and not has_link(graph, node, READ_IN, direction="in")
            and not has_link(graph, node, FEEDS, direction="out")
        ),
        lambda node, graph: f"{label(node)} receives records but nothing reads them before they expire",
    ),
    applies_to=("kinesis_stream", "lambda_function", "firehose_stream"),
    tags=("streaming",),
    wa_best_practice="REL04-BP02",
    checked="2026-12-06",
)
