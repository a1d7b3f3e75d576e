"""An EBS volume attached to an instance in another availability zone."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, zones_spanned
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for volume in services_of_type(graph, "ebs_volume"):
        volume_zones = zones_spanned(graph, volume)
        if len(volume_zones) != 1:
            continue
        for connection in graph.connections_of(volume.id):
            if connection.kind is not ConnectionKind.ATTACH:
                continue
            other = graph.architecture.service(
                connection.target_id if connection.source_id == volume.id else connection.source_id
            )
            other_zones = zones_spanned(graph, other)
            if len(other_zones) == 1 and other_zones != volume_zones:
                findings.append(
                    rule.finding(
                        [volume, other],
                        f"{label(volume)} ({next(iter(volume_zones))}) is attached to {label(other)} "
                        f"({next(iter(other_zones))}); a volume attaches only within its AZ",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-012",
    title="EBS volume attached across AZs",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "EBS Details"),
    description="An EBS volume is always in the same AZ as the instance it is attached to; a volume in another AZ "
    "cannot be attached (copy it through a snapshot instead).",
    remediation="Place the volume in the instance's AZ (subnet), or restore a snapshot of it there.",
    check=check,
    applies_to=("ebs_volume", "ec2_instance"),
    tags=("limits", "storage", "multi-az"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
