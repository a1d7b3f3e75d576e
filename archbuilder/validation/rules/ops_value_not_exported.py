"""A value the CloudFormation or Terraform export cannot write, so a deployment of the export would not have it."""

from archbuilder.catalog.export_gaps import BY_TYPE, lost_values, shown
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # The table of what each format leaves out (catalog/export_gaps.py) is the one the exports' warnings read.
    findings = []
    for node in services_of_type(graph, *sorted(BY_TYPE)):
        for gap, value in lost_values(node.type, node.properties):
            formats = " and ".join(gap.formats)
            exports = "exports write" if len(gap.formats) > 1 else "export writes"
            findings.append(
                rule.finding(
                    node,
                    f"{label(node)} ({graph.service_type(node).short_name}) has {gap.name} {shown(value)}, which "
                    f"the {formats} {exports} as {shown(gap.written)}: {gap.why}",
                )
            )
    return findings


RULE = Rule(
    id="OPS-035",
    title="Value the export cannot write",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "CloudFormation Alternatives and Lock-In"),
    description="Some AWS features may not be available in one infrastructure-as-code tool, and have to be set "
    "another way; a template that leaves out a setting of the design deploys something other than what was "
    "designed, and reviewing the template would not show it.",
    remediation="Set the value after deploying (or in the other format, where it can be written), or choose the "
    "value the export writes.",
    check=check,
    applies_to=tuple(sorted(BY_TYPE)),
    tags=("deployment", "iac"),
    wa_best_practice="OPS05-BP03",
    checked="2026-12-06",
)
