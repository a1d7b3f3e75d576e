"""S3 replication between buckets where one of them does not keep versions."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for source in services_of_type(graph, "s3_bucket"):
        for connection in graph.connections_of(source.id):
            if connection.kind is not ConnectionKind.REPLICATE or connection.source_id != source.id:
                continue
            target = graph.architecture.service(connection.target_id)
            if target.type != "s3_bucket":
                continue
            unversioned = [b for b in (source, target) if b.properties.get("versioning") is False]
            if unversioned:
                findings.append(
                    rule.finding(
                        [source, target],
                        f"{label(source)} replicates to {label(target)} but "
                        f"{' and '.join(label(b) for b in unversioned)} has versioning off",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-018",
    title="S3 replication without versioning",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Backing up Data with S3 Replication"),
    description="Replication copies objects from one bucket to another only when versioning is enabled on both the "
    "source and the destination bucket; otherwise the replication rule cannot be created.",
    remediation="Turn on versioning on both buckets.",
    check=check,
    applies_to=("s3_bucket",),
    tags=("limits", "storage", "backup"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
