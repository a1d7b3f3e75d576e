"""A production design without GuardDuty threat detection."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not is_production(graph) or not graph.services or services_of_type(graph, "guardduty"):
        return []
    return [
        rule.finding(
            [],
            "The production design has no GuardDuty detector: nothing watches the account for compromised "
            "instances, calls from malicious addresses or attempts to turn off CloudTrail",
        )
    ]


RULE = Rule(
    id="SEC-029",
    title="No threat detection in production",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon GuardDuty"),
    description="GuardDuty monitors CloudTrail logs, VPC Flow Logs and DNS logs with machine learning for malicious "
    "behaviour: unusual API calls, known malicious addresses, attempts to disable CloudTrail, compromised "
    "instances and reconnaissance, and raises findings to CloudWatch Events for an automated response.",
    remediation="Add a GuardDuty detector in each region the design uses (the first 30 days are free) and route its "
    "findings to an alert.",
    check=check,
    applies_to=("guardduty",),
    tags=("logging", "detection"),
    wa_best_practice="SEC04-BP02",
    checked="2026-11-23",
)
