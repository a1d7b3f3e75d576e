"""A GuardDuty detector whose findings reach no one."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

RULE = Rule(
    id="SEC-037",
    title="GuardDuty findings not routed",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon GuardDuty"),
    description="GuardDuty detects compromised instances, calls from malicious addresses and attempts to turn "
    "CloudTrail off, and publishes each finding as an EventBridge event; unless a rule sends them to people or to "
    "automation, findings wait in the console until someone looks.",
    remediation="Add an EventBridge rule for GuardDuty findings that notifies the team (SNS, chat) or starts a "
    "response (Lambda, Step Functions).",
    check=each_service(
        ("guardduty",),
        lambda node, graph: not linked(graph, node),
        lambda node, graph: (
            f"{label(node)} sends its findings nowhere: no rule, topic or function receives them"
        ),
    ),
    applies_to=("guardduty", "eventbridge_rule", "sns_topic"),
    tags=("detection", "monitoring"),
    wa_best_practice="SEC04-BP02",
    checked="2026-12-06",
)
