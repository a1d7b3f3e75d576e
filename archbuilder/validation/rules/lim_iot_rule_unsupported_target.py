"""An IoT Core rule sending device data straight to a service no IoT rule action can reach."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

# Services with no IoT rule action: databases and servers in a VPC are reached through Lambda, Kinesis or SQS.
UNREACHABLE = {
    "rds_instance",
    "aurora_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "redshift_cluster",
    "elasticache_cluster",
    "dax_cluster",
    "ec2_instance",
    "autoscaling_group",
    "ecs_service",
    "fargate_task",
    "efs_file_system",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for iot in services_of_type(graph, "iot_core"):
        for target in linked(graph, iot):
            if target.type in UNREACHABLE:
                findings.append(
                    rule.finding(
                        [iot, target],
                        f"{label(iot)} sends device data straight to {label(target)}, which no IoT rule action can "
                        "reach",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-057",
    title="IoT rule action to an unsupported service",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "IoT Tips"),
    description="IoT rules act through a fixed set of actions: Lambda, Kinesis Data Streams and Firehose, DynamoDB, "
    "S3, SNS, SQS, CloudWatch, OpenSearch, Step Functions, Kafka and HTTP endpoints among them. A relational "
    "database, a cache or a server in a VPC has no action; the guide's patterns put Lambda, Kinesis or DynamoDB "
    "in between.",
    remediation="Send the data to Lambda, Kinesis or SQS and let a consumer write it to the database or server.",
    check=check,
    applies_to=("iot_core", "rds_instance", "ec2_instance"),
    tags=("messaging", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
