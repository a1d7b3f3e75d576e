"""A scheduled EventBridge rule placed on a custom event bus."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

EVENT = {ConnectionKind.EVENT}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for event_rule in services_of_type(graph, "eventbridge_rule"):
        if not str(event_rule.properties.get("schedule_expression") or "").strip():
            continue
        for bus in linked(graph, event_rule, EVENT, direction="in"):
            if bus.type == "eventbridge_bus":
                findings.append(
                    rule.finding(
                        [event_rule, bus],
                        f"{label(event_rule)} runs on a schedule but sits on the custom bus {label(bus)}; scheduled "
                        "rules run only on the default event bus",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-050",
    title="Scheduled rule on a custom event bus",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "EventBridge Concepts -"),
    description="Every account has a default bus and may create custom buses, and a rule matches either an event "
    "pattern or a schedule; schedules belong to the default bus only, so a schedule on a custom bus never fires.",
    remediation="Put the scheduled rule on the default event bus (draw it without a bus), or use EventBridge "
    "Scheduler.",
    check=check,
    applies_to=("eventbridge_rule", "eventbridge_bus"),
    tags=("events", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
