"""An Aurora cluster meant to be highly available that has no second instance to fail over to."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label
from archbuilder.validation.rules._links import count


def _problem(cluster: ServiceNode) -> str | None:
    if (
        cluster.properties.get("multi_az") is not True
        or count(cluster.properties.get("instance_count"), 1) >= 2
    ):
        return None
    return (
        f"{label(cluster)} is marked Multi-AZ but runs one instance: its storage spans three AZs, yet with no "
        "replica to promote a failure leaves it down until Aurora replaces the writer"
    )


RULE = Rule(
    id="REL-060",
    title="Aurora cluster without a replica to fail over to",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Amazon Aurora"),
    description="Aurora keeps six copies of the data in three AZs, but the database answers through instances: it "
    "fails over by promoting an Aurora Replica, in about a minute. A cluster of one instance has nothing to "
    "promote, so an instance or AZ failure takes it down until a new writer is created, which takes several "
    "minutes or more.",
    remediation="Add an Aurora Replica (instance count 2 or more) in another AZ of the cluster's subnet group.",
    check=each_problem(("aurora_cluster",), _problem),
    checked="2026-12-06",
    applies_to=("aurora_cluster",),
    tags=("database", "availability"),
    wa_best_practice="REL11-BP02",
)
