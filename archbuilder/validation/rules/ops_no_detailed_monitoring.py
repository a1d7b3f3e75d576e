"""Production instances without detailed monitoring."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="OPS-003",
    title="No detailed monitoring",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "CloudWatch Basics"),
    description="Detailed monitoring must be enabled to get granular (one-minute) EC2 metrics, which alarms on "
    "instances need to react quickly; it is billed under CloudWatch.",
    remediation="Turn on detailed monitoring for production instances whose alarms need minute-level data.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: (
            is_production(graph)
            and node.properties.get("detailed_monitoring") is False
            and bool(graph.by_type.get("cloudwatch_alarm"))
        ),
        lambda node, graph: f"{label(node)} reports metrics only every five minutes",
    ),
    applies_to=("ec2_instance", "cloudwatch_alarm"),
    tags=("monitoring", "compute"),
    wa_best_practice="OPS08-BP01",
    checked="2026-11-22",
)
