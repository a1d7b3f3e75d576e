"""An FSx for Lustre file system marked Multi-AZ."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-055",
    title="FSx for Lustre marked Multi-AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon FSx for Lustre"),
    description="FSx for Lustre is built for compute-intensive work next to its clients and lives in one "
    "Availability Zone (one subnet); it has no Multi-AZ deployment, so a Lustre file system cannot be given one.",
    remediation="Mark the Lustre file system single-AZ and keep its durable copy in S3 (a data repository "
    "association), or use FSx for ONTAP or OpenZFS when a Multi-AZ file system is needed.",
    check=each_service(
        ("fsx_file_system",),
        lambda node, graph: (
            node.properties.get("file_system_type") == "LUSTRE" and node.properties.get("multi_az") is True
        ),
        lambda node, graph: (
            f"{label(node)} is an FSx for Lustre file system, which has no Multi-AZ deployment"
        ),
    ),
    applies_to=("fsx_file_system",),
    tags=("storage", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
