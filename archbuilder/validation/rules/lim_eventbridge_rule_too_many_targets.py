"""An EventBridge rule with more targets than a rule can have."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

EVENT = {ConnectionKind.EVENT}
MAX_TARGETS = 5


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for event_rule in services_of_type(graph, "eventbridge_rule"):
        targets = linked(graph, event_rule, EVENT)
        if len(targets) > MAX_TARGETS:
            findings.append(
                rule.finding(
                    event_rule,
                    f"{label(event_rule)} sends to {len(targets)} targets; a rule takes at most {MAX_TARGETS}",
                )
            )
    return findings


RULE = Rule(
    id="LIM-051",
    title="EventBridge rule with more than five targets",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "EventBridge Concepts -"),
    description="A rule sends the events it matches to its targets, and a rule has at most five targets (a hard "
    "quota); more are refused when the rule is created.",
    remediation="Split the targets over several rules with the same pattern, or send to one SNS topic or bus that "
    "fans out to the rest.",
    check=check,
    applies_to=("eventbridge_rule",),
    tags=("events", "limits", "quota"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
