"""A Batch compute environment on On-Demand capacity although batch work tolerates interruption."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# On-Demand resource types and their Spot counterparts.
SPOT_OF = {"EC2": "SPOT", "FARGATE": "FARGATE_SPOT"}

RULE = Rule(
    id="COST-021",
    title="Batch jobs on On-Demand capacity",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("002", "Spot Instances -"),
    description="Spot capacity is far cheaper than On-Demand and suits work that can be interrupted and retried, such "
    "as big data analysis, containerized jobs, CI/CD testing, rendering and HPC; Batch retries interrupted jobs, so a "
    "compute environment running them On-Demand pays the highest price for work that Spot would do.",
    remediation="Use a SPOT (or FARGATE_SPOT) compute environment, alone or ahead of an On-Demand one in the job "
    "queue, unless the jobs are critical and cannot be retried.",
    check=each_service(
        ("batch_compute_environment",),
        lambda node, graph: node.properties.get("resource_type", "FARGATE") in SPOT_OF,
        lambda node, graph: (
            f"{label(node)} runs batch jobs on {node.properties.get('resource_type', 'FARGATE')} On-Demand "
            f"capacity; {SPOT_OF[str(node.properties.get('resource_type', 'FARGATE'))]} would run them for less"
        ),
    ),
    applies_to=("batch_compute_environment",),
    tags=("cost", "compute", "pricing"),
    wa_best_practice="COST07-BP01",
    checked="2026-11-23",
)
