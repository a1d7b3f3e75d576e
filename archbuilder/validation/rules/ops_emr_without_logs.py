"""An EMR cluster that keeps no logs once it terminates."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-032",
    title="EMR cluster without a log location",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.HIGH,
    source=cite("000", "EMR Tips"),
    description="EMR writes step, application and node logs to the cluster's disks; without a log URI in S3 they "
    "disappear with the cluster, so a failed job on a transient or auto-terminated cluster leaves nothing to "
    "investigate (the guide notes log sync costs, which a lifecycle rule keeps small).",
    remediation="Set the cluster's log URI to an S3 prefix, with a lifecycle rule that expires old logs.",
    check=each_service(
        ("emr_cluster",),
        lambda node, graph: not str(node.properties.get("log_uri") or "").strip(),
        lambda node, graph: f"{label(node)} keeps its logs only on its own disks, lost when it terminates",
    ),
    applies_to=("emr_cluster", "s3_bucket"),
    tags=("analytics", "logging"),
    wa_best_practice="OPS08-BP02",
    checked="2026-12-06",
)
