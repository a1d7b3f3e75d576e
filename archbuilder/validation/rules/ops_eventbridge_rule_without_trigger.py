"""An EventBridge rule with neither an event pattern nor a schedule."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _untriggered(node: ServiceNode) -> bool:
    pattern = str(node.properties.get("event_pattern") or "").strip()
    schedule = str(node.properties.get("schedule_expression") or "").strip()
    return not pattern and not schedule


RULE = Rule(
    id="OPS-012",
    title="EventBridge rule without a trigger",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "EventBridge Concepts -"),
    description="A rule matches incoming events and sends them to its targets based on either an event pattern or "
    "a schedule; a rule with neither never fires (and cannot be created).",
    remediation="Give the rule an event pattern (the source and detail type it reacts to) or a schedule expression.",
    check=each_service(
        ("eventbridge_rule",),
        lambda node, graph: _untriggered(node),
        lambda node, graph: f"{label(node)} has neither an event pattern nor a schedule, so it never fires",
    ),
    applies_to=("eventbridge_rule",),
    tags=("events", "configuration"),
    wa_best_practice="OPS07-BP02",
    checked="2026-11-23",
)
