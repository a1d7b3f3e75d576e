"""A property value past a limit AWS sets, as an imported template wrote it (the stack would fail there)."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._written_values import bounded_types, is_hard_limit, outside_catalog


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            node,
            f"{label(node)} › {spec.label or spec.name} is {node.properties[spec.name]!r} as written; "
            f"AWS accepts {problem.removeprefix('must be ')}",
        )
        for node, spec, problem in outside_catalog(graph)
        if is_hard_limit(spec, problem)
    ]


RULE = Rule(
    id="LIM-090",
    title="A value past a limit AWS sets",
    severity=Severity.ERROR,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "CloudFormation Gotchas and Limitations"),
    description=(
        "An imported template keeps its values as written, also one past a hard limit (a Lambda timeout over "
        "15 minutes, an RDS volume under 20 GB): AWS refuses it, and the stack fails to create or update."
    ),
    remediation="Set the property within AWS's limit (the properties panel shows the range).",
    check=check,
    applies_to=bounded_types(hard=True),
    tags=("limits", "iac"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
