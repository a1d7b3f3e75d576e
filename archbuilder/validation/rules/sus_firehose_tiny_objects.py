"""A Firehose delivery to S3 that buffers so little it writes a flood of tiny objects."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="SUS-017",
    title="Firehose writing tiny objects",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("004", "Data Firehose"),
    description="Firehose writes an S3 object each time its buffer fills or its interval passes; with a buffer "
    "interval under a minute and a small buffer it writes thousands of tiny objects a day, each one a request to "
    "pay for and a small file that slows every later query over the data.",
    remediation="Buffer for a minute or more (up to 900 s) and a few MB or more, unless the data really is needed "
    "within seconds.",
    check=each_service(
        ("firehose_stream",),
        lambda node, graph: (
            node.properties.get("destination", "s3") == "s3"
            and count(node.properties.get("buffer_interval_seconds"), 300) < 60
            and count(node.properties.get("buffer_size_mb"), 5) <= 1
        ),
        lambda node, graph: (
            f"{label(node)} flushes to S3 every "
            f"{count(node.properties.get('buffer_interval_seconds'), 300)} s in objects of at most 1 MB"
        ),
    ),
    applies_to=("firehose_stream", "s3_bucket"),
    tags=("streaming", "storage", "waste"),
    wa_best_practice="SUS04-BP05",
    checked="2026-12-06",
)
