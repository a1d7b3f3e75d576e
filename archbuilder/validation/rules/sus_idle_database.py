"""A database, cache or warehouse that nothing in the design reads or writes."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Provisioned stores billed (and powered) by the hour whether or not anything uses them.
PROVISIONED_STORES = (
    "rds_instance",
    "aurora_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "redshift_cluster",
    "elasticache_cluster",
    "dax_cluster",
    "opensearch_domain",
)
# Connections that configure the store (security group, key, certificate) or carry its own logs away: not use.
NOT_USE = {ConnectionKind.ATTACH, ConnectionKind.LOGS}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    by_node = graph.connections_by_node
    for node in services_of_type(graph, *PROVISIONED_STORES):
        # A plain loop with break: most stores have one connection, and this runs on every store of big designs.
        for connection in by_node.get(node.id, ()):
            if connection.kind not in NOT_USE:
                break
        else:
            findings.append(
                rule.finding(
                    node,
                    f"{label(node)} has nothing connected that reads or writes it, yet it runs around the clock",
                )
            )
    return findings


RULE = Rule(
    id="SUS-008",
    title="Idle database",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("004", "Manual Monitoring Tools"),
    description="Trusted Advisor flags idle DB instances because a provisioned database runs, and is billed, every "
    "hour whether or not it serves queries. A store nothing in the design connects to is either missing its "
    "clients on the diagram or not needed.",
    remediation="Draw the connections of the services that use it, or remove it (keep a final snapshot if its data "
    "matters).",
    check=check,
    applies_to=(
        "rds_instance",
        "aurora_cluster",
        "redshift_cluster",
        "elasticache_cluster",
        "opensearch_domain",
    ),
    tags=("waste", "database"),
    wa_best_practice="SUS03-BP02",
    checked="2026-11-23",
)
