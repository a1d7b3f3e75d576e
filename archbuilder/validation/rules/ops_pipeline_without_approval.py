"""A pipeline of a production design that releases with no manual approval step."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

RULE = Rule(
    id="OPS-014",
    title="Production pipeline without approval",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("004", "Manual approval"),
    description="An approval action stops a CodePipeline stage until someone approves or rejects it; a production "
    "pipeline without one releases every change that passes its automated steps straight to production.",
    remediation="Add a manual approval action before the production deploy stage (or accept the risk with a "
    "suppression when the automated tests are the gate).",
    check=each_service(
        ("codepipeline",),
        lambda node, graph: is_production(graph) and node.properties.get("manual_approval") is False,
        lambda node, graph: f"{label(node)} releases to production with no manual approval step",
    ),
    applies_to=("codepipeline",),
    tags=("deployment",),
    wa_best_practice="OPS06-BP03",
    checked="2026-11-23",
)
