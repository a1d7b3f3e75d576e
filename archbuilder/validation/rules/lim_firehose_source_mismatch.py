"""A Firehose stream whose source setting contradicts what is drawn into it."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def _streams(graph: ArchGraph, firehose: ServiceNode) -> list[ServiceNode]:
    return [n for n in linked(graph, firehose, direction="both") if n.type == "kinesis_stream"]


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for firehose in services_of_type(graph, "firehose_stream"):
        streams = _streams(graph, firehose)
        source = firehose.properties.get("source", "direct_put")
        if source == "kinesis_stream" and not streams:
            findings.append(
                rule.finding(
                    firehose, f"{label(firehose)} reads from a Kinesis stream, but none is connected to it"
                )
            )
        elif source == "direct_put" and len(streams) == 1:
            findings.append(
                rule.finding(
                    [firehose, streams[0]],
                    f"{label(firehose)} takes direct PUTs but {label(streams[0])} is drawn as its source; set its "
                    "source to the stream",
                )
            )
    return findings


RULE = Rule(
    id="LIM-072",
    title="Firehose source does not match the design",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("004", "Data Firehose"),
    description="A Firehose stream has one source, chosen at creation: direct PUTs from producers, or one Kinesis "
    "data stream it reads. A stream-sourced Firehose with no stream receives nothing, and a direct-PUT Firehose "
    "does not read the stream drawn into it.",
    remediation="Make the Firehose source the Kinesis stream that feeds it, or connect the stream it is meant to "
    "read.",
    check=check,
    applies_to=("firehose_stream", "kinesis_stream"),
    tags=("streaming", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
