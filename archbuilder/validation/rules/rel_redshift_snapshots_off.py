"""A Redshift cluster with automated snapshots turned off."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-055",
    title="Redshift automated snapshots off",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Redshift"),
    description="Redshift backs a cluster up with incremental, point-in-time snapshots kept in S3, automated or "
    "manual; with an automated snapshot retention of 0 days there is no recent snapshot to restore the warehouse "
    "from (or to copy to another region).",
    remediation="Keep automated snapshots for at least a day (1-35 days), and copy them to another region if the "
    "warehouse must survive a regional outage.",
    check=each_service(
        ("redshift_cluster",),
        lambda node, graph: node.properties.get("backup_retention_days") == 0,
        lambda node, graph: f"{label(node)} keeps no automated snapshots (retention 0 days)",
    ),
    applies_to=("redshift_cluster",),
    tags=("analytics", "backup"),
    wa_best_practice="REL09-BP03",
    checked="2026-11-23",
)
