"""Standalone EC2 instances serving traffic outside an Auto Scaling group."""

from archbuilder.graph.builder import INTERNET
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-008",
    title="Instance outside an Auto Scaling group",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "Auto Scaling Tips"),
    description="Even at a fixed size, keeping instances in an Auto Scaling group replaces failed ones automatically.",
    remediation="Launch the instance from a launch template in an Auto Scaling group (min = max = desired for a fixed size).",
    check=each_service(
        ("ec2_instance",),
        lambda node, graph: (
            any(p != INTERNET for p in graph.flow.predecessors(node.id))
            or graph.flow.has_edge(INTERNET, node.id)
        ),
        lambda node, graph: f"{label(node)} serves traffic but is not replaced automatically if it fails",
    ),
    applies_to=("ec2_instance",),
    tags=("compute", "availability"),
    wa_best_practice="REL11-BP03",
    checked="2026-11-22",
)
