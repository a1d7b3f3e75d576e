"""A CloudWatch alarm connected to nothing it could notify or act on."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

# Alarm actions: an SNS notification, an Auto Scaling policy, an EC2 action (and, today, a Lambda function).
ACTION_TARGETS = {"sns_topic", "autoscaling_group", "ec2_instance", "lambda_function"}


def _acts(graph: ArchGraph, alarm: ServiceNode) -> bool:
    return any(target.type in ACTION_TARGETS for target in linked(graph, alarm))


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            alarm, f"{label(alarm)} has no action: nobody is notified and nothing reacts when it fires"
        )
        for alarm in services_of_type(graph, "cloudwatch_alarm")
        if not _acts(graph, alarm)
    ]


RULE = Rule(
    id="OPS-019",
    title="Alarm without an action",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    source=cite("000", "CloudWatch Basics"),
    description="Alarms are the practical use of CloudWatch because they trigger something: SNS notifications, "
    "Auto Scaling actions or EC2 actions. An alarm with no action only changes colour on a dashboard nobody is "
    "watching when it matters.",
    remediation="Connect the alarm to an SNS topic that reaches the people on call, or to the scaling group or "
    "instance it should act on.",
    check=check,
)
