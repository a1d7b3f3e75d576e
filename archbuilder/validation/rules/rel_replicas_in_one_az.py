"""A cache, accelerator or search cluster with several nodes whose subnets all lie in one AZ."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, zones_spanned
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import count

# Clustered stores and the property that says how many nodes they run. (Databases have the subnet group rule, MSK
# its own.)
NODE_COUNT = {
    "elasticache_cluster": "num_nodes",
    "dax_cluster": "num_nodes",
    "opensearch_domain": "instance_count",
}


def _nodes(node: ServiceNode) -> int:
    return count(node.properties.get(NODE_COUNT[node.type]), 1)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cluster in services_of_type(graph, *NODE_COUNT):
        zones = zones_spanned(graph, cluster)
        if len(zones) == 1 and _nodes(cluster) >= 2:
            findings.append(
                rule.finding(
                    cluster,
                    f"{label(cluster)} runs {_nodes(cluster)} nodes, all in {next(iter(zones))}: one AZ outage takes "
                    "every replica down",
                )
            )
    return findings


RULE = Rule(
    id="REL-058",
    title="Cluster replicas in a single AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="Most AWS outages affect one AZ, so key infrastructure belongs in at least two; a cache, DAX or search "
    "cluster whose subnets all lie in one AZ keeps its replicas there too, and they fail together.",
    remediation="Give the cluster subnets in a second AZ (extra subnets) so its nodes and replicas are spread across "
    "AZs (Multi-AZ / zone awareness).",
    check=check,
    applies_to=("elasticache_cluster", "dax_cluster", "opensearch_domain"),
    tags=("database", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-23",
)
