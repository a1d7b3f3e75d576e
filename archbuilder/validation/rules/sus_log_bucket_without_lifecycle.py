"""A bucket that collects logs but has no lifecycle rule to expire or archive them."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label

# Services whose only business with a bucket is to deliver their logs to it, whatever kind the connection has.
LOG_WRITERS = {"cloudtrail", "config_recorder"}


def _log_sources(graph: ArchGraph, bucket: ServiceNode) -> list[ServiceNode]:
    """The services delivering logs into the bucket, sorted by id."""
    found: dict[str, ServiceNode] = {}
    for connection in graph.connections_of(bucket.id):
        if connection.target_id != bucket.id:
            continue
        source = graph.architecture.nodes.get(connection.source_id)
        if not isinstance(source, ServiceNode):
            continue
        if connection.kind is ConnectionKind.LOGS or source.type in LOG_WRITERS:
            found[source.id] = source
    return [found[key] for key in sorted(found)]


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for bucket in services_of_type(graph, "s3_bucket"):
        if bucket.properties.get("lifecycle_to_glacier_days") is not None:
            continue
        sources = _log_sources(graph, bucket)
        if sources:
            names = ", ".join(label(source) for source in sources)
            findings.append(
                rule.finding(
                    bucket,
                    f"{label(bucket)} collects logs from {names} but no lifecycle rule expires or archives them",
                )
            )
    return findings


RULE = Rule(
    id="SUS-005",
    title="Log bucket without a lifecycle rule",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    source=cite("004", "When Should I Use Lifecycle Configuration?"),
    description="Periodic logs uploaded to a bucket are typically needed for a week or a month, then can be deleted "
    "or archived; without a lifecycle configuration they stay in S3 Standard forever, and the storage kept grows "
    "with every day of logs.",
    remediation="Add a lifecycle rule that moves the logs to an archive class after a few weeks and expires them "
    "when they are no longer needed.",
    check=check,
)
