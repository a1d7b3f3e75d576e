"""An AWS Config recorder that records only some resource types."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-029",
    title="Config recorder limited to some resource types",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "AWS Config"),
    description="A Config recorder that lists its resource types records nothing about the others, including "
    "types AWS adds later; their changes are missing from the history and rules cannot evaluate them.",
    remediation="Record all supported resource types (and global resources in one region), excluding types "
    "explicitly only where cost requires it.",
    check=each_service(
        ("config_recorder",),
        lambda node, graph: node.properties.get("all_supported") is False,
        lambda node, graph: f"{label(node)} records only the resource types it lists",
    ),
    applies_to=("config_recorder",),
    tags=("audit", "configuration"),
    wa_best_practice="OPS05-BP03",
    checked="2026-12-06",
)
