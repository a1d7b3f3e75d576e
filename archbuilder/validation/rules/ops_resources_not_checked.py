"""Imported resources the catalog does not know, so no rule looks at them."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-028",
    title="Resource the checks cannot see",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "AWS CloudFormation"),
    description="A resource the catalog has no entry for is kept as it was imported and written back unchanged, "
    "but no rule knows its settings: its placement, exposure, encryption and limits go unchecked.",
    remediation="Review the resource by hand, or ask for its type to be added to the catalog.",
    check=each_service(
        ("generic",),
        lambda node, graph: True,
        lambda node, graph: (
            f"{label(node)} ({node.properties.get('resource_type') or 'unknown type'}) is kept as imported; no rule "
            "checks it"
        ),
    ),
    applies_to=("generic",),
    tags=("iac", "configuration"),
    wa_best_practice="OPS07-BP02",
    checked="2026-12-06",
)
