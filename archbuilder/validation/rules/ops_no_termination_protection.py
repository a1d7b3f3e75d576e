"""Long-lived production instance without termination protection."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="OPS-002",
    title="No termination protection",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "EC2 Tips"),
    description="Important, long-lived instances outside Auto Scaling should have termination protection, a line of "
    "defence against terminating the wrong instances by mistake.",
    remediation="Turn on termination protection for the instance.",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: is_production(graph) and node.properties.get("termination_protection") is False,
        lambda node, graph: f"{label(node)} can be terminated by mistake",
    ),
    applies_to=("ec2_instance",),
    tags=("deployment", "compute"),
    wa_best_practice="OPS06-BP01",
    checked="2026-11-22",
)
