"""A CloudWatch alarm connected to nothing it could notify or act on."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import links_to_type

# Alarm actions: an SNS notification, an Auto Scaling policy, an EC2 action (and, today, a Lambda function).
ACTION_TARGETS = {"sns_topic", "autoscaling_group", "ec2_instance", "lambda_function"}


RULE = Rule(
    id="OPS-019",
    title="Alarm without an action",
    severity=Severity.WARNING,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "CloudWatch Basics"),
    description="Alarms are the practical use of CloudWatch because they trigger something: SNS notifications, "
    "Auto Scaling actions or EC2 actions. An alarm with no action only changes colour on a dashboard nobody is "
    "watching when it matters.",
    remediation="Connect the alarm to an SNS topic that reaches the people on call, or to the scaling group or "
    "instance it should act on.",
    check=each_service(
        ("cloudwatch_alarm",),
        lambda alarm, graph: not links_to_type(graph, alarm, ACTION_TARGETS),
        lambda alarm, graph: (
            f"{label(alarm)} has no action: nobody is notified and nothing reacts when it fires"
        ),
    ),
    applies_to=("cloudwatch_alarm",),
    tags=("monitoring",),
    wa_best_practice="OPS08-BP04",
    checked="2026-11-23",
)
