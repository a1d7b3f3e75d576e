"""A Kinesis stream in a development or staging design."""

from archbuilder.model import Environment
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-014",
    title="Kinesis stream outside production",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("000", "Kinesis Streams Gotchas and Limitations"),
    description="Kinesis streams have no free tier and bill every shard-hour; streams left running after "
    "experiments in test environments run up unexpected costs.",
    remediation="Delete the stream when the experiment ends, or use on-demand mode for sporadic test traffic.",
    check=each_service(
        ("kinesis_stream",),
        lambda node, graph: graph.architecture.metadata.environment is not Environment.PRODUCTION,
        lambda node, graph: (
            f"{label(node)} bills {node.properties.get('shard_count', 1)} shard(s) by the hour in a "
            f"{graph.architecture.metadata.environment.value} design"
        ),
    ),
    applies_to=("kinesis_stream",),
    tags=("cost", "streaming"),
    wa_best_practice="COST02-BP05",
    checked="2026-11-22",
)
