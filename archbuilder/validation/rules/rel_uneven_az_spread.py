"""Stand-alone instances of a VPC spread unevenly over its availability zones."""

from archbuilder.graph import ArchGraph
from archbuilder.model import AvailabilityZoneNode, ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

INSTANCES = "ec2_instance"  # Auto Scaling groups balance their own AZs


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    # The instances of each VPC, sorted by id, without reading the type of every service of the VPC.
    instances_by_vpc: dict[str, list[ServiceNode]] = {}
    for instance in graph.by_type.get(INSTANCES, []):
        vpc_id = graph.placements[instance.id].vpc_id
        if vpc_id is not None:
            instances_by_vpc.setdefault(vpc_id, []).append(instance)
    for vpc in graph.vpcs:
        instances = instances_by_vpc.get(vpc.id, [])
        zones = sorted(
            {c.zone for c in graph.architecture.children(vpc.id) if isinstance(c, AvailabilityZoneNode)}
        )
        counts = dict.fromkeys(zones, 0)
        for instance in instances:
            for zone in set(graph.placements[instance.id].zones):
                counts[zone] = counts.get(zone, 0) + 1
        used = [zone for zone, count in counts.items() if count]
        if len(used) < 2 or max(counts.values()) - min(counts.values()) <= 1:
            continue  # one AZ only is REL-006's finding
        spread = ", ".join(f"{zone}: {counts[zone]}" for zone in sorted(counts))
        findings.append(
            rule.finding(
                instances, f"Instances of VPC “{vpc.label}” are spread unevenly over its AZs ({spread})"
            )
        )
    return findings


RULE = Rule(
    id="REL-021",
    title="Instances spread unevenly across AZs",
    severity=Severity.INFO,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "High Availability Tips"),
    description="Deploy instances evenly across all available AZs, so that an AZ outage removes only a small share of "
    "the capacity; a zone holding most instances takes most of the service down with it.",
    remediation="Move instances so every AZ holds the same number (within one), or let an Auto Scaling group spread "
    "them.",
    check=check,
    applies_to=("ec2_instance",),
    tags=("compute", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
