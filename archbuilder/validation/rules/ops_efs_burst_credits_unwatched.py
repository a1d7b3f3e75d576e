"""A bursting EFS file system with no alarm on its burst credit balance."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

METRIC = "BurstCreditBalance"


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    watched = any(
        str(alarm.properties.get("metric_name") or "") == METRIC
        for alarm in graph.by_type.get("cloudwatch_alarm", [])
    )
    if watched:
        return []
    return [
        rule.finding(node, f"{label(node)} runs on burst credits but no alarm watches {METRIC}")
        for node in services_of_type(graph, "efs_file_system")
        if node.properties.get("throughput_mode", "bursting") == "bursting"
    ]


RULE = Rule(
    id="OPS-017",
    title="EFS burst credits not monitored",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "EFS Basics"),
    description="In bursting mode EFS earns credits with the data it stores and spends them on reads, writes and "
    "metadata operations; the BurstCreditBalance metric should be monitored so the file system does not run out "
    "of credits and slow to its baseline.",
    remediation=f"Add a CloudWatch alarm on {METRIC} (e.g. below a day of typical use), or use elastic throughput.",
    check=check,
    applies_to=("efs_file_system", "cloudwatch_alarm"),
    tags=("monitoring", "storage"),
    wa_best_practice="OPS08-BP04",
    checked="2026-11-23",
)
