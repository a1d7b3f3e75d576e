"""EMR core nodes, which hold the cluster's HDFS data, bought as Spot capacity."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-039",
    title="EMR core nodes on Spot",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "EMR"),
    description="Core nodes run tasks and store the cluster's data in HDFS, and are long-running; Spot capacity can be "
    "terminated with little warning, taking HDFS blocks and running steps with it. Spot is meant for task nodes, "
    "which hold no data.",
    remediation="Run the primary and core nodes On-Demand or Reserved, and put the Spot capacity in task nodes.",
    check=each_service(
        ("emr_cluster",),
        lambda node, graph: (
            node.properties.get("core_market") == "SPOT"
            and count(node.properties.get("core_instance_count"), 1) > 0
        ),
        lambda node, graph: f"{label(node)} runs its core nodes, which store HDFS data, on Spot instances",
    ),
    applies_to=("emr_cluster",),
    tags=("analytics", "availability", "pricing"),
    wa_best_practice="REL10-BP02",
    checked="2026-11-23",
)
