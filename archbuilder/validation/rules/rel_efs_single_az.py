"""EFS file system with mount targets in one AZ."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-012",
    title="File system mounted in one AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "High Availability Tips"),
    description="Clients should mount a target in their own AZ; a single mount target makes every client depend on one AZ.",
    remediation="Span the file system over a subnet in each AZ where clients run (one mount target per AZ).",
    check=each_service(
        ("efs_file_system",),
        lambda node, graph: len(zones_spanned(graph, node)) == 1,
        lambda node, graph: f"{label(node)} has mount targets in one availability zone only",
    ),
    applies_to=("efs_file_system",),
    tags=("storage", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-11-22",
)
