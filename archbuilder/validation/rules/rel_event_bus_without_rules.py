"""An EventBridge bus that receives events but has no rule to route them anywhere."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

EVENT = {ConnectionKind.EVENT}
INCOMING = {ConnectionKind.WRITE, ConnectionKind.EVENT}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for bus in services_of_type(graph, "eventbridge_bus"):
        producers = linked(graph, bus, INCOMING, direction="in")
        rules = [node for node in linked(graph, bus, EVENT) if node.type == "eventbridge_rule"]
        if producers and not rules:
            findings.append(
                rule.finding(
                    bus,
                    f"{label(bus)} receives events from {', '.join(label(p) for p in producers)} but no rule "
                    "matches them, so they are dropped",
                )
            )
    return findings


RULE = Rule(
    id="REL-062",
    title="Event bus without rules",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "EventBridge Concepts -"),
    description="An event bus is a router: it delivers an event only to the targets of the rules that match it. "
    "Events put on a bus with no rules are accepted and discarded.",
    remediation="Add rules on the bus that match the producers' events and send them to their consumers.",
    check=check,
    applies_to=("eventbridge_bus", "eventbridge_rule"),
    tags=("events", "messaging"),
    wa_best_practice="REL04-BP02",
    checked="2026-12-06",
)
