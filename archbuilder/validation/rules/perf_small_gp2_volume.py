"""A small gp2 volume whose size-bound baseline IOPS stay below what gp3 gives at any size."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# OpenSearch data volumes follow the same gp2 and gp3 baselines as EBS.
VOLUME_OWNERS = ("ec2_instance", "autoscaling_group", "ebs_volume", "rds_instance", "opensearch_domain")
GP3_BASELINE_IOPS = 3000
IOPS_PER_GIB = 3  # gp2 baseline, with a floor of 100 IOPS
GP2_FLOOR_IOPS = 100


def _gp2_size(node: ServiceNode) -> int | None:
    """The size in GiB of the node's gp2 volume, or None when it has no gp2 volume of a known size."""
    rds = node.type == "rds_instance"
    kind = node.properties.get("storage_type" if rds else "volume_type")
    size = node.properties.get("allocated_storage_gb" if rds else "volume_size_gb")
    return size if kind == "gp2" and isinstance(size, int) else None


def _baseline(size: int) -> int:
    return max(GP2_FLOOR_IOPS, IOPS_PER_GIB * size)


def _slower_than_gp3(node: ServiceNode) -> bool:
    size = _gp2_size(node)
    return size is not None and _baseline(size) < GP3_BASELINE_IOPS


def _message(node: ServiceNode) -> str:
    size = _gp2_size(node) or 0
    return (
        f"{label(node)} has a {size} GiB gp2 volume with a baseline of {_baseline(size):,} IOPS; "
        f"gp3 gives {GP3_BASELINE_IOPS:,} IOPS at any size"
    )


RULE = Rule(
    id="PERF-010",
    title="Small gp2 volume",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("002", "EBS Volume Types"),
    description="gp2 volumes get 3 IOPS per GiB, so a volume under 1,000 GiB has a baseline below 3,000 IOPS and "
    "lives on burst credits; gp3 delivers a predictable 3,000 IOPS and 125 MiB/s regardless of size, at a lower "
    "price per GiB.",
    remediation="Change the volume type to gp3 (an in-place modification, without downtime).",
    check=each_service(
        VOLUME_OWNERS,
        lambda node, graph: _slower_than_gp3(node),
        lambda node, graph: _message(node),
    ),
    applies_to=("ebs_volume", "ec2_instance", "rds_instance", "opensearch_domain"),
    tags=("storage",),
    wa_best_practice="PERF03-BP02",
    checked="2026-11-23",
)
