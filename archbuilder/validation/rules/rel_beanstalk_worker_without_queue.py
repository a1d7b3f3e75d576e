"""An Elastic Beanstalk worker environment that no queue feeds."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

RULE = Rule(
    id="REL-077",
    title="Worker environment without a queue",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Worker Tier - processing tasks in the background, (e.g. SQS queues)"),
    description="A Beanstalk worker environment processes background tasks it receives from an SQS queue (its "
    "daemon reads the queue and posts each message to the application); without a queue it gets no work.",
    remediation="Connect the SQS queue the worker reads from (the queue polls into the environment).",
    check=each_service(
        ("elastic_beanstalk",),
        lambda node, graph: (
            node.properties.get("tier") == "Worker"
            and not any(n.type == "sqs_queue" for n in linked(graph, node, direction="both"))
        ),
        lambda node, graph: f"{label(node)} is a worker environment but no SQS queue feeds it",
    ),
    applies_to=("elastic_beanstalk", "sqs_queue"),
    tags=("compute", "messaging"),
    wa_best_practice="REL04-BP02",
    checked="2026-12-06",
)
