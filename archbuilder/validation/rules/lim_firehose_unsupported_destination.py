"""A Firehose stream delivering to a service Firehose cannot deliver to."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

DELIVERY_KINDS = (ConnectionKind.WRITE, ConnectionKind.READ_WRITE, ConnectionKind.TRAFFIC)
# S3, Redshift, OpenSearch (formerly Elasticsearch) and Splunk; Splunk and HTTP endpoints are outside AWS and are
# drawn as imported `generic` resources, which are left alone.
DESTINATIONS = {"s3_bucket", "redshift_cluster", "opensearch_domain", "generic"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for stream in services_of_type(graph, "firehose_stream"):
        for target in linked(graph, stream, DELIVERY_KINDS):
            if target.type not in DESTINATIONS:
                findings.append(
                    rule.finding(
                        [stream, target],
                        f"{label(stream)} delivers to {label(target)}, but Firehose loads data only into S3, "
                        "Redshift, OpenSearch and Splunk",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-034",
    title="Firehose delivering to an unsupported destination",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("004", "Data Firehose"),
    description="Kinesis Data Firehose captures, transforms and loads streaming data into Amazon S3, Amazon Redshift, "
    "Amazon OpenSearch (Elasticsearch) Service and Splunk; it keeps no data of its own and cannot write anywhere "
    "else.",
    remediation="Deliver to one of the supported destinations, or use a Kinesis data stream with a consumer (for "
    "example a Lambda function) that writes to this service.",
    check=check,
    applies_to=("firehose_stream", "s3_bucket", "redshift_cluster", "opensearch_domain"),
    tags=("limits", "streaming"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
