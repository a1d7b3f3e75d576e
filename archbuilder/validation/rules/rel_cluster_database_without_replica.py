"""A DocumentDB or Neptune cluster marked Multi-AZ with one instance."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import count

RULE = Rule(
    id="REL-075",
    title="Document or graph cluster without a replica",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon DocumentDB"),
    description="DocumentDB and Neptune store data in a cluster volume across three AZs, like Aurora, and fail over "
    "by promoting a replica instance; a cluster of one instance marked Multi-AZ has none, so a failure leaves it "
    "down until the instance is replaced.",
    remediation="Add a replica instance (instance count 2 or more) in another AZ.",
    check=each_service(
        ("documentdb_cluster", "neptune_cluster"),
        lambda node, graph: (
            node.properties.get("multi_az") is True and count(node.properties.get("instance_count"), 1) < 2
        ),
        lambda node, graph: (
            f"{label(node)} is marked Multi-AZ but runs one instance, with no replica to fail over to"
        ),
    ),
    applies_to=("documentdb_cluster", "neptune_cluster"),
    tags=("database", "availability"),
    wa_best_practice="REL11-BP02",
    checked="2026-12-06",
)
