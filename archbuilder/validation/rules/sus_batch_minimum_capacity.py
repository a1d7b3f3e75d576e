"""An AWS Batch compute environment that keeps instances running with no job queued."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# Fargate environments have no instances to keep warm; only EC2 and Spot environments honour a minimum.
INSTANCE_BACKED = {"EC2", "SPOT"}


def _kept_warm(node: ServiceNode) -> bool:
    minimum = node.properties.get("min_vcpus")
    return (
        node.properties.get("resource_type") in INSTANCE_BACKED and isinstance(minimum, int) and minimum > 0
    )


RULE = Rule(
    id="SUS-011",
    title="Batch environment with a standing minimum",
    severity=Severity.INFO,
    pillar=Pillar.SUSTAINABILITY,
    effort=Effort.LOW,
    source=cite("002", "AWS Batch"),
    description="AWS Batch provisions compute resources according to the quantity and scale of the queued jobs; a "
    "minimum vCPU count above zero keeps instances running between jobs, when there is nothing to compute.",
    remediation="Set the minimum vCPUs to 0 so the environment scales down to nothing when the queue is empty.",
    check=each_service(
        ("batch_compute_environment",),
        lambda node, graph: _kept_warm(node),
        lambda node, graph: (
            f"{label(node)} keeps {node.properties.get('min_vcpus')} vCPUs running even when no job is queued"
        ),
    ),
    applies_to=("batch_compute_environment",),
    tags=("compute", "waste"),
    wa_best_practice="SUS02-BP01",
    checked="2026-11-23",
)
