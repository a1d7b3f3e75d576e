"""A Firehose stream that delivers to S3 without compressing the data."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SUS-014",
    title="Firehose delivers uncompressed data",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("002", "Kinesis"),
    description="Firehose can batch, compress and encrypt the data before loading it, minimizing the amount of "
    "storage used at the destination; delivered uncompressed, logs and events typically take several times the "
    "space in S3 (and every later scan reads all of it).",
    remediation="Set the delivery compression to GZIP (or Snappy for data queried with Athena or Spark).",
    check=each_service(
        ("firehose_stream",),
        lambda node, graph: (
            node.properties.get("destination", "s3") == "s3"
            and node.properties.get("compression") == "UNCOMPRESSED"
        ),
        lambda node, graph: f"{label(node)} writes uncompressed data to S3",
    ),
    applies_to=("firehose_stream",),
    tags=("streaming", "data"),
    wa_best_practice="SUS04-BP07",
    checked="2026-11-23",
)
