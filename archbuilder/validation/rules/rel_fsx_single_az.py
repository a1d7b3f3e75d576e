"""A production FSx file system deployed in one Availability Zone."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label

MULTI_AZ_TYPES = {"WINDOWS", "ONTAP", "OPENZFS"}  # FSx for Lustre is single-AZ by design

RULE = Rule(
    id="REL-069",
    title="Production file server in one AZ",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.HIGH,
    source=cite("002", "FSx for Windows"),
    description="FSx for Windows File Server, NetApp ONTAP and OpenZFS offer Multi-AZ file systems with a standby "
    "in a second Availability Zone and automatic failover; a Single-AZ file system is unavailable while its AZ or "
    "file server is down.",
    remediation="Deploy production file systems as Multi-AZ (preferred and standby subnets in two AZs).",
    check=each_service(
        ("fsx_file_system",),
        lambda node, graph: (
            is_production(graph)
            and node.properties.get("file_system_type", "WINDOWS") in MULTI_AZ_TYPES
            and node.properties.get("multi_az") is False
        ),
        lambda node, graph: (
            f"{label(node)} serves production files from a single AZ, with no standby to fail over to"
        ),
    ),
    applies_to=("fsx_file_system",),
    tags=("storage", "multi-az"),
    wa_best_practice="REL10-BP01",
    checked="2026-12-06",
)
