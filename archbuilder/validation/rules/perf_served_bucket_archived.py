"""A bucket that serves content (website or CloudFront origin) with a lifecycle rule archiving it to Glacier."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _served_by(graph: ArchGraph, bucket: ServiceNode) -> str | None:
    """How the bucket's objects reach users (its website endpoint or a distribution), or None."""
    for connection in graph.connections_of(bucket.id):
        if connection.target_id == bucket.id and connection.kind is ConnectionKind.ORIGIN:
            source = graph.architecture.nodes.get(connection.source_id)
            if isinstance(source, ServiceNode):
                return f"is the origin of {label(source)}"
    return "hosts a website" if bucket.properties.get("website") else None


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for bucket in services_of_type(graph, "s3_bucket"):
        days = bucket.properties.get("lifecycle_to_glacier_days")
        if days is None:
            continue
        served = _served_by(graph, bucket)
        if served is not None:
            findings.append(
                rule.finding(
                    bucket,
                    f"{label(bucket)} {served} but moves objects to Glacier after {days} days, from where they "
                    "cannot be served without a restore",
                )
            )
    return findings


RULE = Rule(
    id="PERF-018",
    title="Served content archived to Glacier",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("000", "Glacier Basics"),
    description="Glacier is only useful for data that is rarely accessed: a retrieval generally takes 3-5 hours. "
    "Objects of a website or CloudFront origin that a lifecycle rule moved to Glacier can no longer be served; "
    "users get errors until someone restores them.",
    remediation="Drop the Glacier transition for served content (use Standard-IA or Intelligent-Tiering), or "
    "archive only a prefix that is never served.",
    check=check,
    applies_to=("s3_bucket", "cloudfront_distribution"),
    tags=("storage", "lifecycle"),
    wa_best_practice="PERF03-BP01",
    checked="2026-11-23",
)
