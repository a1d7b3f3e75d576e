"""A DynamoDB global table listing its own region as a replica."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import region_of

RULE = Rule(
    id="LIM-067",
    title="Global table replica in its own region",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "DynamoDB Global Tables"),
    description="A global table keeps one replica per region: the table itself is the replica of its own region, "
    "and each further replica must be in another region; naming the table's region again is refused.",
    remediation="List only the other regions the table should be replicated to.",
    check=each_service(
        ("dynamodb_table",),
        lambda node, graph: region_of(graph, node) in (node.properties.get("replica_regions") or []),
        lambda node, graph: f"{label(node)} lists its own region {region_of(graph, node)} among its replicas",
    ),
    applies_to=("dynamodb_table",),
    tags=("database", "limits", "dr"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
