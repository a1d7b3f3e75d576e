"""A Step Functions state machine that calls nothing."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

RULE = Rule(
    id="REL-071",
    title="Workflow without tasks",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "AWS Step Functions"),
    description="A state machine coordinates the components of an application: its Task states call Lambda "
    "functions and other services. One drawn without a service to call orchestrates nothing, and the export "
    "gives its role no permission to call anything.",
    remediation="Connect the state machine to the functions and services its tasks call.",
    check=each_service(
        ("step_functions",),
        lambda node, graph: not linked(graph, node),
        lambda node, graph: f"{label(node)} calls no function or service",
    ),
    applies_to=("step_functions",),
    tags=("serverless", "events"),
    wa_best_practice="REL04-BP02",
    checked="2026-12-06",
)
