"""A Glue crawler with nothing to crawl."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

READS = {ConnectionKind.READ, ConnectionKind.READ_WRITE}

RULE = Rule(
    id="LIM-052",
    title="Glue crawler with nothing to crawl",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Glue"),
    description="A crawler discovers the data of the sources it is given and writes their tables to the Data "
    "Catalog; Glue refuses a crawler without a target (an S3 path, a JDBC or DynamoDB source), and the export "
    "refuses it too.",
    remediation="Connect the crawler to the bucket (or table) it catalogs, or give it S3 target paths.",
    check=each_service(
        ("glue_crawler",),
        lambda node, graph: not node.properties.get("s3_targets") and not has_link(graph, node, READS),
        lambda node, graph: f"{label(node)} has no target: no S3 path and no data source is connected to it",
    ),
    applies_to=("glue_crawler", "s3_bucket", "dynamodb_table"),
    tags=("analytics", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
