"""Magnetic (HDD) volumes for instances and databases."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

MAGNETIC = {"standard", "st1", "sc1"}

RULE = Rule(
    id="PERF-001",
    title="Magnetic EBS volume",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "EBS Gotchas and Limitations"),
    description="'standard', st1 and sc1 volumes are spinning disks delivering only hundreds of IOPS; boot volumes, "
    "databases and random I/O need SSD volumes.",
    remediation="Use gp3 (or io2 for sustained high IOPS).",
    check=each_service(
        ("ec2_instance", "ebs_volume", "autoscaling_group", "rds_instance"),
        lambda node, graph: (
            (node.properties.get("volume_type") or node.properties.get("storage_type")) in MAGNETIC
        ),
        lambda node, graph: (
            f"{label(node)} uses a magnetic volume ({node.properties.get('volume_type') or node.properties.get('storage_type')})"
        ),
    ),
    applies_to=("ebs_volume", "ec2_instance", "autoscaling_group", "rds_instance"),
    tags=("storage",),
    wa_best_practice="PERF03-BP02",
    checked="2026-11-22",
)
