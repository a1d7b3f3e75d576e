"""EMR task nodes bought On-Demand although they hold no data and suit Spot."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="COST-019",
    title="EMR task nodes On-Demand",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("002", "EMR"),
    description="Task nodes only run tasks and store no HDFS data, so losing one costs a retried task, not data; Spot "
    "is the cheapest purchase option and is what task nodes typically use, while On-Demand is the most expensive.",
    remediation="Buy the task nodes as Spot instances (keep the primary and core nodes On-Demand or Reserved).",
    check=each_service(
        ("emr_cluster",),
        lambda node, graph: (
            node.properties.get("task_market") == "ON_DEMAND"
            and count(node.properties.get("task_instance_count")) > 0
        ),
        lambda node, graph: (
            f"{label(node)} buys its {count(node.properties.get('task_instance_count'))} task nodes On-Demand; they "
            "hold no data and can run on Spot"
        ),
    ),
    applies_to=("emr_cluster",),
    tags=("cost", "analytics", "pricing"),
    wa_best_practice="COST07-BP01",
    checked="2026-11-23",
)
