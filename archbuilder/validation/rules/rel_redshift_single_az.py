"""A production Redshift cluster in a single AZ, its leader node a single point of failure."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="REL-051",
    title="Production warehouse in one AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Redshift Gotchas and Limitations"),
    description="The leader node, which manages client connections and all communication with the compute nodes, is "
    "a single point of failure of a Redshift cluster; a single-AZ cluster is down until its AZ or node recovers.",
    remediation="Turn on Multi-AZ (RA3 node types) for the production cluster, or at least copy snapshots to another "
    "region and plan the restore.",
    check=each_service(
        ("redshift_cluster",),
        lambda node, graph: is_production(graph) and node.properties.get("multi_az") is False,
        lambda node, graph: f"{label(node)} runs in one AZ behind a single leader node",
    ),
    applies_to=("redshift_cluster",),
    tags=("analytics", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-23",
)
