"""A bucket that collects logs but has no lifecycle rule to expire or archive them."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import Connection, ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import connections_by_kind

# Services whose only business with a bucket is to deliver their logs to it, whatever kind the connection has.
LOG_WRITERS = ("cloudtrail", "config_recorder")


def _log_sources(graph: ArchGraph) -> dict[str, dict[str, ServiceNode]]:
    """Bucket id -> the services delivering logs into it: the log connections (one kind, indexed once per graph)
    and whatever the log-writing services connect to, instead of every connection of every bucket."""
    nodes = graph.architecture.nodes
    found: dict[str, dict[str, ServiceNode]] = {}

    def note(connection: Connection) -> None:
        bucket, source = nodes.get(connection.target_id), nodes.get(connection.source_id)
        if isinstance(bucket, ServiceNode) and bucket.type == "s3_bucket" and isinstance(source, ServiceNode):
            found.setdefault(bucket.id, {})[source.id] = source

    for connection in connections_by_kind(graph).get(ConnectionKind.LOGS, []):
        note(connection)
    for writer in services_of_type(graph, *LOG_WRITERS):
        for connection in graph.connections_of(writer.id):
            if connection.source_id == writer.id:
                note(connection)
    return found


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if "s3_bucket" not in graph.by_type:
        return []
    findings = []
    for bucket_id, sources in sorted(_log_sources(graph).items()):
        bucket = graph.architecture.service(bucket_id)
        if bucket.properties.get("lifecycle_to_glacier_days") is not None:
            continue
        names = ", ".join(label(sources[key]) for key in sorted(sources))
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
    effort=Effort.LOW,
    source=cite("004", "When Should I Use Lifecycle Configuration?"),
    description="Periodic logs uploaded to a bucket are typically needed for a week or a month, then can be deleted "
    "or archived; without a lifecycle configuration they stay in S3 Standard forever, and the storage kept grows "
    "with every day of logs.",
    remediation="Add a lifecycle rule that moves the logs to an archive class after a few weeks and expires them "
    "when they are no longer needed.",
    check=check,
    applies_to=("s3_bucket", "cloudtrail", "config_recorder"),
    tags=("logging", "lifecycle"),
    wa_best_practice="SUS04-BP03",
    checked="2026-11-23",
)
