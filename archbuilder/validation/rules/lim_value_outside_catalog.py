"""A property value the catalog does not offer, as an imported template wrote it."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._written_values import bounded_types, is_hard_limit, outside_catalog


def _offer(problem: str) -> str:
    for refusal, offer in (
        ("must be at most ", "the catalog goes up to "),
        ("must be at least ", "the catalog starts at "),
        ("must be one of ", "the catalog offers "),
    ):
        if problem.startswith(refusal):
            return offer + problem.removeprefix(refusal)
    return problem


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            node,
            f"{label(node)} › {spec.label or spec.name} is {node.properties[spec.name]!r} as written; "
            f"{_offer(problem)}",
        )
        for node, spec, problem in outside_catalog(graph)
        if not is_hard_limit(spec, problem)
    ]


RULE = Rule(
    id="LIM-091",
    title="A value the catalog does not offer",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "CloudFormation Gotchas and Limitations"),
    description=(
        "An imported template keeps its values as written, also one the catalog does not list (a deprecated "
        "Lambda runtime, a message size past the catalog's range): AWS may refuse it or retire it, and the "
        "guides' checks may not know what it does."
    ),
    remediation="Check the value against AWS's current documentation, or choose one the catalog offers.",
    check=check,
    applies_to=bounded_types(hard=False),
    tags=("limits", "iac"),
    wa_best_practice="OPS05-BP02",
    checked="2026-12-06",
)
