"""An MSK cluster whose broker count cannot be spread evenly over its AZs."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, zones_spanned
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import count


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cluster in services_of_type(graph, "msk_cluster"):
        zones = len(zones_spanned(graph, cluster))
        brokers = count(cluster.properties.get("num_nodes"))
        if zones > 1 and brokers > 0 and brokers % zones:
            findings.append(
                rule.finding(
                    cluster,
                    f"{label(cluster)} asks for {brokers} brokers over {zones} AZs; MSK creates the same number of "
                    f"brokers in each AZ, so the count must be a multiple of {zones}",
                )
            )
    return findings


RULE = Rule(
    id="LIM-036",
    title="MSK broker count not a multiple of its AZs",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon MSK"),
    description="When an MSK cluster is created you choose how many broker nodes to run in each Availability Zone, "
    "each AZ with its own subnet; the total is always that number times the AZs, so any other count is rounded "
    "(the export rounds up) and the design does not say what will run.",
    remediation="Set the broker count to a multiple of the number of AZs the cluster's subnets cover.",
    check=check,
    applies_to=("msk_cluster",),
    tags=("limits", "streaming", "multi-az"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
