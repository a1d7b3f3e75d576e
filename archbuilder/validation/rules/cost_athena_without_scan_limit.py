"""An Athena workgroup that lets a query scan any amount of data."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-022",
    title="Athena workgroup without a scan limit",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("002", "Amazon Athena"),
    description="Athena is serverless and billed by the data each query scans; without a per-query data usage "
    "control in the workgroup, one query over a whole unpartitioned table bills every terabyte it reads.",
    remediation="Set a per-query limit on the data scanned (bytes scanned cutoff) in the workgroup, and partition "
    "and compress the data so queries read less.",
    check=each_service(
        ("athena_workgroup",),
        lambda node, graph: node.properties.get("bytes_scanned_cutoff_mb") is None,
        lambda node, graph: f"{label(node)} puts no limit on the data one query may scan",
    ),
    applies_to=("athena_workgroup",),
    tags=("cost", "analytics"),
    wa_best_practice="COST02-BP05",
    checked="2026-12-06",
)
