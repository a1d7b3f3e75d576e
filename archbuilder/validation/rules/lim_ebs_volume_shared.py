"""An EBS volume attached to several instances without Multi-Attach."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for volume in services_of_type(graph, "ebs_volume"):
        if volume.properties.get("multi_attach") is True:
            continue
        instances = sorted(
            {
                c.target_id if c.source_id == volume.id else c.source_id
                for c in graph.connections_of(volume.id)
                if c.kind is ConnectionKind.ATTACH
            }
        )
        if len(instances) > 1:
            others = [graph.architecture.service(i) for i in instances]
            findings.append(
                rule.finding(
                    [volume, *others],
                    f"{label(volume)} is attached to {len(instances)} instances "
                    f"({', '.join(label(o) for o in others)}); a volume attaches to one at a time",
                )
            )
    return findings


RULE = Rule(
    id="LIM-010",
    title="EBS volume attached to several instances",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "EBS Basics"),
    description="An EBS volume can be attached to only one EC2 instance at a time (io1/io2 Multi-Attach aside); "
    "storage shared by several instances belongs on EFS.",
    remediation="Give each instance its own volume, use EFS for shared files, or enable Multi-Attach on an io2 "
    "volume with a cluster-aware file system.",
    check=check,
    applies_to=("ebs_volume", "ec2_instance"),
    tags=("limits", "storage"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
