"""An alarm on memory or disk usage, which EC2 does not report unless an agent in the instance publishes it."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# Operating-system metrics the hypervisor cannot see (as the CloudWatch agent and the old scripts name them).
OS_METRICS = {
    "memoryutilization",
    "mem_used_percent",
    "memory_used_percent",
    "diskspaceutilization",
    "disk_used_percent",
    "swaputilization",
    "swap_used_percent",
}


RULE = Rule(
    id="OPS-020",
    title="Alarm on a metric EC2 does not report",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "CloudWatch Gotchas and Limitations"),
    description="CloudWatch metrics originate on the hypervisor, which has no access to the operating system: "
    "memory and disk usage exist only when pushed from inside the instance. Without an agent publishing them the "
    "alarm never has data.",
    remediation="Install and configure the CloudWatch agent on the instances (and alarm in its CWAgent "
    "namespace), or alarm on a metric EC2 reports.",
    check=each_service(
        ("cloudwatch_alarm",),
        lambda node, graph: str(node.properties.get("metric_name") or "").lower() in OS_METRICS,
        lambda node, graph: (
            f"{label(node)} watches {node.properties.get('metric_name')}, which exists only when an agent inside "
            "the instance publishes it"
        ),
    ),
    applies_to=("cloudwatch_alarm", "ec2_instance"),
    tags=("monitoring", "compute"),
    wa_best_practice="OPS04-BP02",
    checked="2026-11-23",
)
