"""Storage, databases, queues and streams without encryption at rest."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

# S3 (since January 2023), DynamoDB (since 2018) and MSK encrypt at rest whatever is set: for them only the key
# is a choice (SEC-032).
ENCRYPTABLE = (
    "ebs_volume",
    "efs_file_system",
    "rds_instance",
    "aurora_cluster",
    "elasticache_cluster",
    "redshift_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "sqs_queue",
    "sns_topic",
    "kinesis_stream",
    "firehose_stream",
    "opensearch_domain",
    "ec2_instance",
    "autoscaling_group",
    "dax_cluster",
)

RULE = Rule(
    id="SEC-005",
    title="No encryption at rest",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("000", "KMS Basics"),
    description="KMS integrates with EBS, RDS, Redshift and other services to encrypt data at rest; leaving it off "
    "means backups, snapshots and disks hold plaintext.",
    remediation="Turn on encryption at rest (a KMS key); for RDS and EBS this must be chosen when the resource is created.",
    check=each_service(
        ENCRYPTABLE,
        lambda node, graph: node.properties.get("encrypted") is False,
        lambda node, graph: f"{label(node)} stores data without encryption at rest",
    ),
    checked="2026-12-06",
    note="S3 buckets (since January 2023), DynamoDB tables (since 2018) and MSK clusters always encrypt at rest, so "
    "they are left out; the key they use is SEC-032's concern.",
    applies_to=(
        "ebs_volume",
        "efs_file_system",
        "rds_instance",
        "aurora_cluster",
        "elasticache_cluster",
        "redshift_cluster",
        "sqs_queue",
        "kinesis_stream",
    ),
    tags=("encryption", "data"),
    wa_best_practice="SEC08-BP02",
)
