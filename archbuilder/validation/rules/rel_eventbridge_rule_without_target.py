"""An EventBridge rule that sends its matching events nowhere."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

DELIVERY = frozenset(
    {ConnectionKind.EVENT, ConnectionKind.INVOKE, ConnectionKind.WRITE, ConnectionKind.TRAFFIC}
)

RULE = Rule(
    id="REL-046",
    title="EventBridge rule without a target",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "EventBridge Concepts -"),
    description="A rule matches incoming or scheduled events and sends them to its targets; a rule with no target "
    "matches events and drops them, so whatever should react to them never runs.",
    remediation="Connect the rule to the function, queue, state machine or other target that should receive the "
    "events, or delete the rule.",
    check=each_service(
        ("eventbridge_rule",),
        lambda node, graph: not has_link(graph, node, DELIVERY),
        lambda node, graph: f"{label(node)} has no target: the events it matches go nowhere",
    ),
    applies_to=("eventbridge_rule",),
    tags=("events",),
    wa_best_practice="REL04-BP02",
    checked="2026-11-23",
)
