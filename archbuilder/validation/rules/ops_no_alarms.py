"""A design with servers or databases but no CloudWatch alarm."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

MONITORED = (
    "ec2_instance",
    "autoscaling_group",
    "rds_instance",
    "aurora_cluster",
    "alb",
    "nlb",
    "ecs_service",
    "fargate_task",
    "lambda_function",
    "elasticache_cluster",
    "sqs_queue",
)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    # Counted per type: no need to merge and sort thousands of services into one list.
    monitored = sum(len(graph.by_type.get(type_id, [])) for type_id in set(MONITORED))
    if not monitored or graph.by_type.get("cloudwatch_alarm"):
        return []
    return [rule.finding([], f"No CloudWatch alarm watches the {monitored} running services of this design")]


RULE = Rule(
    id="OPS-001",
    title="No alarms",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("000", "CloudWatch Tips"),
    description="Alarms are the most practical use of CloudWatch: billing alarms, instance and load balancer up/down "
    "alarms, disk usage alerts.",
    remediation="Add alarms on the load balancer's 5xx and unhealthy hosts, database CPU and storage, and a billing alarm.",
    check=check,
    applies_to=(
        "cloudwatch_alarm",
        "ec2_instance",
        "autoscaling_group",
        "rds_instance",
        "alb",
        "lambda_function",
        "sqs_queue",
    ),
    tags=("monitoring",),
    wa_best_practice="OPS08-BP04",
    checked="2026-11-22",
)
