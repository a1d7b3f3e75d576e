"""Provisioned-IOPS volume attached to an instance that is not EBS-optimized."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for volume in services_of_type(graph, "ebs_volume"):
        if volume.properties.get("volume_type") not in ("io1", "io2"):
            continue
        for connection in graph.connections_of(volume.id):
            if connection.kind is ConnectionKind.ATTACH and connection.source_id == volume.id:
                instance = arch.service(connection.target_id)
                if instance.type == "ec2_instance" and instance.properties.get("ebs_optimized") is False:
                    findings.append(
                        rule.finding(
                            [volume, instance],
                            f"“{volume.label}” provisions IOPS but “{instance.label}” is not EBS-optimized",
                        )
                    )
    return findings


RULE = Rule(
    id="PERF-003",
    title="Provisioned IOPS without EBS optimization",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "EBS Tips"),
    description="To get the maximum performance from an EBS volume it has to be attached to an EBS-optimized instance.",
    remediation="Turn on EBS optimization for the instance (or choose a type that is EBS-optimized by default).",
    check=check,
    applies_to=("ebs_volume", "ec2_instance"),
    tags=("storage", "compute"),
    wa_best_practice="PERF02-BP04",
    checked="2026-11-22",
)
