"""Two single points of failure that depend on each other but sit in different availability zones."""

from archbuilder.catalog import ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_flows, types_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _spof_zone(graph: ArchGraph, node_id: str) -> str | None:
    """The one AZ of a zonal service that is a single point of failure, else None."""
    zone = graph.single_zone.get(node_id)
    if zone is None:
        return None  # spans several AZs or none: decided by the graph, without reading the node
    node = graph.architecture.service(node_id)
    # Services that replace or replicate themselves are not single points of failure even in one AZ.
    if (
        node.type in types_with_role(graph, ServiceRole.SELF_HEALING)
        or node.properties.get("multi_az") is True
    ):
        return None
    return zone


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # The engine sorts findings, so pairs are visited in graph order; each zone is looked up once.
    arch = graph.architecture
    single_zone = graph.single_zone
    zone_of: dict[str, str | None] = {}
    findings = []
    # Traffic, read, write and read/write are the dependency kinds.
    for source_id, target_id in data_flows(graph):
        if source_id not in single_zone or target_id not in single_zone:
            continue  # an end spanning several AZs (or none) is no single point of failure
        for node_id in (source_id, target_id):
            if node_id not in zone_of:
                zone_of[node_id] = _spof_zone(graph, node_id)
        source_zone, target_zone = zone_of[source_id], zone_of[target_id]
        if source_zone and target_zone and source_zone != target_zone:
            source, target = arch.service(source_id), arch.service(target_id)
            findings.append(
                rule.finding(
                    [source, target],
                    f"{label(source)} ({source_zone}) depends on {label(target)} ({target_zone}): an outage "
                    "of either AZ stops it",
                )
            )
    return findings


RULE = Rule(
    id="REL-020",
    title="Dependent single points of failure in different AZs",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "High Availability Tips"),
    description="When a design has single points of failure, the guide advises putting all of them in one AZ: spread "
    "over several AZs, an outage of any one of those AZs takes the chain down, so outages add up.",
    remediation="Remove the single points of failure (Auto Scaling, Multi-AZ), or place the ones that must stay "
    "single in the same AZ.",
    check=check,
    applies_to=("ec2_instance", "rds_instance", "nat_gateway"),
    tags=("availability", "multi-az", "topology"),
    wa_best_practice="REL10-BP02",
    checked="2026-11-22",
)
