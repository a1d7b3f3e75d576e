"""A Redshift cluster reading S3 data that lives in another region."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

READS = {ConnectionKind.READ, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cluster in services_of_type(graph, "redshift_cluster"):
        region = graph.placements[cluster.id].region
        for connection in graph.connections_of(cluster.id):
            if connection.kind not in READS or connection.source_id != cluster.id:
                continue
            bucket = graph.architecture.service(connection.target_id)
            bucket_region = graph.placements[bucket.id].region
            if bucket.type == "s3_bucket" and region and bucket_region and bucket_region != region:
                findings.append(
                    rule.finding(
                        [cluster, bucket],
                        f"{label(cluster)} ({region}) queries {label(bucket)} in {bucket_region}; Spectrum needs "
                        "the data in the cluster's region",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-021",
    title="Redshift Spectrum data in another region",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "Redshift Spectrum -"),
    description="Redshift Spectrum queries data files in S3 directly, but the cluster and the data files must be in "
    "the same AWS region.",
    remediation="Keep the queried bucket in the cluster's region (replicate it there if needed).",
    check=check,
    applies_to=("redshift_cluster", "s3_bucket"),
    tags=("limits", "analytics", "topology"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
