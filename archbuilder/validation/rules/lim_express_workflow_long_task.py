"""An Express state machine calling a function that may run longer than an Express execution may."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import count, linked

EXPRESS_LIMIT_SECONDS = 300


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for machine in services_of_type(graph, "step_functions"):
        if machine.properties.get("workflow_type") != "EXPRESS":
            continue
        for function in linked(graph, machine):
            timeout = count(function.properties.get("timeout_seconds"), 3)
            if function.type == "lambda_function" and timeout > EXPRESS_LIMIT_SECONDS:
                findings.append(
                    rule.finding(
                        [machine, function],
                        f"{label(machine)} is an Express workflow, which stops after 5 minutes, but calls "
                        f"{label(function)}, which may run {timeout} s",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-058",
    title="Express workflow calling a long task",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "AWS Step Functions"),
    description="Step Functions has two execution types: Standard workflows run for up to a year, Express "
    "workflows for at most five minutes. An Express workflow that waits for a longer task is stopped in the "
    "middle of it.",
    remediation="Use a Standard workflow for long steps, or keep every task of the Express workflow well under five "
    "minutes.",
    check=check,
    applies_to=("step_functions", "lambda_function"),
    tags=("serverless", "limits", "timeouts"),
    wa_best_practice="REL05-BP05",
    checked="2026-12-06",
)
