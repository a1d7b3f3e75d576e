"""A Multi-AZ FSx file system whose subnets are all in one Availability Zone."""

from archbuilder.graph.queries import zones_spanned
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-056",
    title="Multi-AZ file system without a second AZ",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "FSx for Windows"),
    description="A Multi-AZ FSx file system (Windows, ONTAP, OpenZFS) needs a preferred subnet and a standby subnet "
    "in two different Availability Zones; with subnets in one AZ it cannot be created.",
    remediation="Give the file system a subnet in a second AZ, or make it single-AZ.",
    check=each_service(
        ("fsx_file_system",),
        lambda node, graph: (
            node.properties.get("multi_az") is True
            and node.properties.get("file_system_type") != "LUSTRE"
            and len(zones_spanned(graph, node)) < 2
        ),
        lambda node, graph: f"{label(node)} is Multi-AZ but its subnets are all in one AZ",
    ),
    applies_to=("fsx_file_system",),
    tags=("storage", "limits", "multi-az"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
