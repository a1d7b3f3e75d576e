"""Log group keeping logs forever."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-004",
    title="Logs kept forever",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("000", "CloudWatch Basics"),
    description="CloudWatch Logs storage is unlimited and paid; without a retention period the bill grows forever.",
    remediation="Set a retention period and export what must be archived to S3.",
    check=each_service(
        ("cloudwatch_log_group",),
        lambda node, graph: node.properties.get("retention_days") == "never",
        lambda node, graph: f"{label(node)} keeps log events forever",
    ),
    applies_to=("cloudwatch_log_group",),
    tags=("cost", "logging", "lifecycle"),
    wa_best_practice="COST04-BP05",
    checked="2026-11-22",
)
