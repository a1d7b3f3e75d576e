"""A Glue streaming job that reads no stream."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

STREAMS = {"kinesis_stream", "msk_cluster"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for job in services_of_type(graph, "glue_job"):
        if job.properties.get("job_type") != "gluestreaming":
            continue
        # A stream is read whichever way the connection is drawn (the job reads it, or it feeds the job).
        if not any(node.type in STREAMS for node in linked(graph, job, direction="both")):
            findings.append(
                rule.finding(
                    job, f"{label(job)} is a streaming job but no Kinesis stream or Kafka cluster feeds it"
                )
            )
    return findings


RULE = Rule(
    id="LIM-053",
    title="Streaming ETL job without a stream",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Glue"),
    description="A Glue streaming job runs continuously, reading records from a Kinesis data stream or an Apache "
    "Kafka (MSK) topic as they arrive; without a stream to read it has no source and only bills its workers.",
    remediation="Connect the job to the Kinesis stream or MSK cluster it consumes, or make it a batch (glueetl) job.",
    check=check,
    applies_to=("glue_job", "kinesis_stream", "msk_cluster"),
    tags=("analytics", "streaming", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
