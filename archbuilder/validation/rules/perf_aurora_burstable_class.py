"""A production Aurora cluster on a small burstable (db.t*) instance class."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, is_production, label


def _burstable(node: ServiceNode) -> bool:
    instance_class = str(node.properties.get("instance_class") or "")
    return node.properties.get("capacity_mode", "provisioned") == "provisioned" and instance_class.startswith(
        "db.t"
    )


RULE = Rule(
    id="PERF-011",
    title="Aurora on a burstable instance class",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "RDS Aurora Tips"),
    description="Aurora's performance comes from high concurrency: it scales well with multiple CPUs, may need a "
    "large instance class, and gains with large connection pools and many concurrent queries. A burstable class "
    "(db.t*) has a couple of vCPUs that run at full speed only on CPU credits: a size for development and tests, "
    "not for production load.",
    remediation="Use a memory-optimised class (db.r6g or newer) for Aurora, or the serverless v2 capacity mode for "
    "small or irregular loads.",
    check=each_service(
        ("aurora_cluster",),
        lambda node, graph: is_production(graph) and _burstable(node),
        lambda node, graph: (
            f"{label(node)} runs on {node.properties.get('instance_class')}, a small burstable class; "
            "Aurora gains from many CPUs"
        ),
    ),
    applies_to=("aurora_cluster",),
    tags=("database", "compute"),
    wa_best_practice="PERF02-BP04",
    checked="2026-11-23",
)
