"""A DynamoDB table replicated to other regions without the stream global tables are built on."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import region_of

NEEDED_VIEW = "NEW_AND_OLD_IMAGES"


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for table in services_of_type(graph, "dynamodb_table"):
        replicas = table.properties.get("replica_regions") or []
        own = region_of(graph, table)
        others = sorted({str(r) for r in replicas if isinstance(r, str) and r and r != own})
        stream = table.properties.get("stream") or "NONE"
        if others and stream != NEEDED_VIEW:
            findings.append(
                rule.finding(
                    table,
                    f"{label(table)} is replicated to {', '.join(others)} as a global table, but its stream is "
                    f"{stream}; global tables replicate through a stream of new and old images",
                )
            )
    return findings


RULE = Rule(
    id="LIM-029",
    title="Global table without a stream",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "DynamoDB Global Tables"),
    description="Global tables replicate a table across regions using DynamoDB Streams; to create one the stream must "
    "be turned on, with the NEW_AND_OLD_IMAGES view.",
    remediation="Turn on the table's stream with the NEW_AND_OLD_IMAGES view, or remove the replica regions.",
    check=check,
    applies_to=("dynamodb_table",),
    tags=("limits", "database", "dr"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
