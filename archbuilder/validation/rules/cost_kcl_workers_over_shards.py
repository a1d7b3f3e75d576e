"""More stream consumer workers than the Kinesis stream has shards."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import count, linked

# Fleets that run Kinesis Client Library workers, and the property that says how many run.
WORKERS = {
    "ecs_service": "desired_count",
    "fargate_task": "desired_count",
    "autoscaling_group": "desired_capacity",
    "eks_node_group": "desired_capacity",
}


def _consumers(graph: ArchGraph, stream: ServiceNode) -> list[ServiceNode]:
    polled = linked(graph, stream, [ConnectionKind.POLL])
    readers = linked(graph, stream, [ConnectionKind.READ, ConnectionKind.READ_WRITE], direction="in")
    found = {node.id: node for node in polled + readers if node.type in WORKERS}
    return [found[key] for key in sorted(found)]


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for stream in services_of_type(graph, "kinesis_stream"):
        if stream.properties.get("stream_mode", "PROVISIONED") != "PROVISIONED":
            continue
        shards = count(stream.properties.get("shard_count"), 1)
        for consumer in _consumers(graph, stream):
            workers = count(consumer.properties.get(WORKERS[consumer.type]))
            if workers > shards:
                findings.append(
                    rule.finding(
                        [consumer, stream],
                        f"{label(consumer)} runs {workers} workers on {label(stream)}, which has {shards} "
                        f"shard{'s' if shards > 1 else ''}; with the KCL each shard has one worker, so "
                        f"{workers - shards} sit idle",
                    )
                )
    return findings


RULE = Rule(
    id="COST-018",
    title="More stream workers than shards",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("004", "Kinesis Client Library"),
    description="The Kinesis Client Library gives each shard to one worker; when a consumer fleet runs more instances "
    "than the stream has shards, the extra ones only wait as standbys while still being paid for.",
    remediation="Size the consumer fleet to the shard count (plus a standby if wanted), or add shards if the stream "
    "needs more throughput.",
    check=check,
    applies_to=("kinesis_stream", "ecs_service", "autoscaling_group", "fargate_task", "eks_node_group"),
    tags=("cost", "streaming", "scaling"),
    wa_best_practice="COST06-BP02",
    checked="2026-11-23",
)
