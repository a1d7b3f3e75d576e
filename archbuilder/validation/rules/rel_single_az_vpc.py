"""A VPC with a single availability zone."""

from archbuilder.graph import ArchGraph
from archbuilder.model import AvailabilityZoneNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for vpc in graph.vpcs:
        zones = [c for c in arch.children(vpc.id) if isinstance(c, AvailabilityZoneNode)]
        if len(zones) != 1:
            continue
        services = graph.services_by_vpc.get(vpc.id, [])
        if services:
            findings.append(
                rule.finding(services, f"VPC “{vpc.label}” uses one availability zone ({zones[0].zone})")
            )
    return findings


RULE = Rule(
    id="REL-015",
    title="Whole VPC in one AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("000", "High Availability Tips"),
    description="Using AZs wisely is the primary tool for high availability; a design in one AZ fails with it.",
    remediation="Add a second AZ with the same subnets and spread every tier over both.",
    check=check,
    applies_to=("vpc",),
    tags=("network", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
