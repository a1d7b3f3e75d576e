"""Instances and databases of a development or staging design that nothing stops after hours."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production, label

# Services that can be stopped (and restarted) on a schedule; Aurora has its own rule (serverless capacity).
STOPPABLE = ("ec2_instance", "rds_instance", "redshift_cluster", "sagemaker_notebook")


def _has_schedule(graph: ArchGraph) -> bool:
    """A scheduled EventBridge rule is how the guide stops dev/test resources (it triggers a stop function)."""
    return any(
        str(rule.properties.get("schedule_expression") or "").strip()
        for rule in graph.by_type.get("eventbridge_rule", [])
    )


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if is_production(graph) or _has_schedule(graph):
        return []
    environment = graph.architecture.metadata.environment.value
    return [
        rule.finding(
            node,
            f"{label(node)} runs around the clock in a {environment} design: no scheduled rule stops it after hours",
        )
        for node in services_of_type(graph, *STOPPABLE)
    ]


RULE = Rule(
    id="SUS-001",
    title="Non-production resources always on",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.MEDIUM,
    source=cite(
        "003", "- Automatic resource shutdown - use Lambda + CloudWatch Events to shut down unused dev/test"
    ),
    description="Development and test environments are idle outside working hours; instances and databases left "
    "running around the clock use energy (and money) for nothing. The guides advise shutting them down after hours "
    "with a scheduled CloudWatch Events (EventBridge) rule and a Lambda function.",
    remediation="Add a scheduled EventBridge rule (e.g. cron(0 19 ? * MON-FRI *)) with a function that stops the "
    "instances and databases, and one that starts them in the morning.",
    check=check,
    applies_to=("ec2_instance", "rds_instance", "redshift_cluster", "sagemaker_notebook"),
    tags=("waste", "compute"),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
