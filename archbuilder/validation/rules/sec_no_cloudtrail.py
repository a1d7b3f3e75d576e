"""No CloudTrail trail in the design."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not graph.services or "cloudtrail" in graph.by_type:  # the graph's lists: no scan of every node
        return []
    return [
        rule.finding([], "The design has no CloudTrail trail: API activity in the account is not audited")
    ]


RULE = Rule(
    id="SEC-007",
    title="CloudTrail missing",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Security and IAM Tips"),
    description="The guide's first security tip: turn on CloudTrail from the beginning so there is a record of every API call.",
    remediation="Add a multi-region CloudTrail trail writing to an S3 bucket with log file validation.",
    check=check,
    applies_to=("cloudtrail",),
    tags=("logging", "audit"),
    wa_best_practice="SEC04-BP01",
    checked="2026-11-22",
)
