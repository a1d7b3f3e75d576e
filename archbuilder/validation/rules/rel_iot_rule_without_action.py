"""An IoT Core rule whose messages go nowhere."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

RULE = Rule(
    id="REL-070",
    title="IoT rule without an action",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "IoT Basics"),
    description="IoT rules are SQL-like queries over device messages that hand the matching data to actions "
    "(Lambda, Kinesis, DynamoDB, S3, SQS and others); a rule without an action drops every message it selects.",
    remediation="Connect the IoT rule to the service that should receive the device data.",
    check=each_service(
        ("iot_core",),
        lambda node, graph: not linked(graph, node),
        lambda node, graph: f"{label(node)} selects device messages but sends them to no action",
    ),
    applies_to=("iot_core",),
    tags=("messaging", "streaming"),
    wa_best_practice="REL04-BP02",
    checked="2026-12-06",
)
