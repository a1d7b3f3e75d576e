"""A client that mounts an EFS file system from an AZ where the file system has no mount target."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, zones_spanned
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for files in services_of_type(graph, "efs_file_system"):
        targets = zones_spanned(graph, files)
        if not targets:
            continue
        clients = sorted(
            {c.source_id if c.target_id == files.id else c.target_id for c in graph.connections_of(files.id)}
        )
        for client_id in clients:
            client = graph.architecture.service(client_id)
            missing = sorted(zones_spanned(graph, client) - targets)
            if missing:
                findings.append(
                    rule.finding(
                        [client, files],
                        f"{label(client)} runs in {', '.join(missing)}, where {label(files)} has no mount target",
                    )
                )
    return findings


RULE = Rule(
    id="REL-029",
    title="EFS mounted across AZs",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "EFS Gotchas and Limitations"),
    description="Mount points are AZ-based: a client in an AZ without a mount target mounts from another AZ, which "
    "adds latency and an unintended single point of failure.",
    remediation="Create a mount target (extra subnet) in every AZ where clients of the file system run.",
    check=check,
    applies_to=("efs_file_system", "ec2_instance"),
    tags=("storage", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
