"""A Redshift cluster copying its snapshots to its own region."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import region_of

RULE = Rule(
    id="LIM-064",
    title="Snapshot copy to the cluster's own region",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Redshift"),
    description="Cross-region snapshot copy sends a cluster's snapshots to another region for disaster recovery; "
    "the destination must be a different region from the cluster's, or Redshift refuses the setting.",
    remediation="Choose another region as the snapshot copy destination (the region you would recover in).",
    check=each_service(
        ("redshift_cluster",),
        lambda node, graph: node.properties.get("snapshot_copy_region") == region_of(graph, node),
        lambda node, graph: f"{label(node)} copies its snapshots to {region_of(graph, node)}, its own region",
    ),
    applies_to=("redshift_cluster",),
    tags=("analytics", "backup", "dr"),
    wa_best_practice="REL13-BP02",
    checked="2026-12-06",
)
