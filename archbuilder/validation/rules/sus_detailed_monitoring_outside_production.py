"""One-minute metrics bought for instances outside production."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="SUS-018",
    title="Detailed monitoring outside production",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("000", "CloudWatch Basics"),
    description="Detailed monitoring sends metrics every minute instead of every five and is billed per metric; "
    "development and test instances rarely need alarms that fast, so the extra data is collected, stored and paid "
    "for without use.",
    remediation="Keep basic five-minute monitoring outside production.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: not is_production(graph) and node.properties.get("detailed_monitoring") is True,
        lambda node, graph: f"{label(node)} collects one-minute metrics outside production",
    ),
    applies_to=("ec2_instance", "cloudwatch_alarm"),
    tags=("monitoring", "waste"),
    wa_best_practice="SUS03-BP02",
    checked="2026-12-06",
)
