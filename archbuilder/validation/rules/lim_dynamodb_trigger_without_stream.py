"""A Lambda trigger on a DynamoDB table whose stream is off."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

TRIGGER_KINDS = {ConnectionKind.POLL, ConnectionKind.EVENT}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for table in services_of_type(graph, "dynamodb_table"):
        if table.properties.get("stream", "NONE") not in ("NONE", None, ""):
            continue
        for function in neighbours_of_type(graph, table.id, {"lambda_function"}):
            if graph.flow.edges[table.id, function.id]["kinds"] & TRIGGER_KINDS:
                findings.append(
                    rule.finding(
                        [table, function],
                        f"{label(function)} is triggered by {label(table)}, whose stream is off",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-022",
    title="DynamoDB trigger without a stream",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "DynamoDB Streams and AWS Lambda Triggers"),
    description="Lambda triggers respond to events in the table's DynamoDB Stream; with the stream off there are "
    "no events and the function is never invoked.",
    remediation="Turn on the table's stream (NEW_AND_OLD_IMAGES, or the view the function needs).",
    check=check,
    applies_to=("dynamodb_table", "lambda_function"),
    tags=("limits", "database", "serverless"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
