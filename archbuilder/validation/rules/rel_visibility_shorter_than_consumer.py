"""SQS visibility timeout shorter than the timeout of the function consuming the queue."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for connection in graph.connections_by_kind.get(ConnectionKind.POLL, []):
        queue, function = arch.service(connection.source_id), arch.service(connection.target_id)
        if queue.type != "sqs_queue" or function.type != "lambda_function":
            continue
        visibility = int(queue.properties.get("visibility_timeout_seconds") or 30)
        timeout = int(function.properties.get("timeout_seconds") or 3)
        if visibility < timeout:
            findings.append(
                rule.finding(
                    [queue, function],
                    f"“{queue.label}” hides messages for {visibility} s but “{function.label}” may run {timeout} s",
                )
            )
    return findings


RULE = Rule(
    id="REL-018",
    title="Visibility timeout shorter than the consumer",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon SQS visibility timeout"),
    description="A message becomes visible to other readers when its visibility timeout ends; if the consuming "
    "function may run longer, the message is processed twice (and AWS refuses such an event source mapping).",
    remediation="Set the queue's visibility timeout to at least the function timeout (six times it is the usual advice).",
    check=check,
    applies_to=("sqs_queue", "lambda_function"),
    tags=("messaging", "serverless"),
    wa_best_practice="REL05-BP05",
    checked="2026-11-22",
)
