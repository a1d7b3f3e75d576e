"""A Provisioned IOPS volume of the older io1 type where io2 gives more for the same price."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# EBS-backed services name their volume type `volume_type`; RDS names its storage `storage_type`.
VOLUME_OWNERS = ("ec2_instance", "autoscaling_group", "ebs_volume", "rds_instance")


def _volume_type(node: ServiceNode) -> object:
    return node.properties.get("storage_type" if node.type == "rds_instance" else "volume_type")


RULE = Rule(
    id="PERF-009",
    title="Previous-generation io1 volume",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("002", "EBS Volume Types"),
    description="io2 is the latest generation of Provisioned IOPS SSD at the same price as io1, with higher "
    "durability (99.999 %) and more IOPS per GiB (500 instead of 50), so a volume of the same size can be given up to "
    "ten times the IOPS.",
    remediation="Use io2 instead of io1; an existing EBS volume or RDS instance changes its storage type in place, "
    "without downtime.",
    check=each_service(
        VOLUME_OWNERS,
        lambda node, graph: _volume_type(node) == "io1",
        lambda node, graph: (
            f"{label(node)} uses io1 storage; io2 costs the same with more IOPS per GiB and durability"
        ),
    ),
    applies_to=("ebs_volume", "ec2_instance", "rds_instance"),
    tags=("storage",),
    wa_best_practice="PERF03-BP02",
    checked="2026-12-06",
)
