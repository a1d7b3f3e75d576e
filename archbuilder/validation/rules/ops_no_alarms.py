"""A design with servers or databases but no CloudWatch alarm."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite

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
    monitored = services_of_type(graph, *MONITORED)
    if not monitored or services_of_type(graph, "cloudwatch_alarm"):
        return []
    return [
        rule.finding([], f"No CloudWatch alarm watches the {len(monitored)} running services of this design")
    ]


RULE = Rule(
    id="OPS-001",
    title="No alarms",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    source=cite("000", "CloudWatch Tips"),
    description="Alarms are the most practical use of CloudWatch: billing alarms, instance and load balancer up/down "
    "alarms, disk usage alerts.",
    remediation="Add alarms on the load balancer's 5xx and unhealthy hosts, database CPU and storage, and a billing alarm.",
    check=check,
)
