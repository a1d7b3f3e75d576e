"""Storage, databases, queues and streams without encryption at rest."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import each_service, label

ENCRYPTABLE = (
    "s3_bucket",
    "ebs_volume",
    "efs_file_system",
    "rds_instance",
    "aurora_cluster",
    "dynamodb_table",
    "elasticache_cluster",
    "redshift_cluster",
    "documentdb_cluster",
    "neptune_cluster",
    "sqs_queue",
    "sns_topic",
    "kinesis_stream",
    "firehose_stream",
    "opensearch_domain",
    "msk_cluster",
    "ec2_instance",
    "autoscaling_group",
    "dax_cluster",
)

RULE = Rule(
    id="SEC-005",
    title="No encryption at rest",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    source=cite("000", "KMS Basics"),
    description="KMS integrates with EBS, RDS, S3, Redshift and other services to encrypt data at rest; leaving it off "
    "means backups, snapshots and disks hold plaintext.",
    remediation="Turn on encryption at rest (a KMS key); for RDS and EBS this must be chosen when the resource is created.",
    check=each_service(
        ENCRYPTABLE,
        lambda node, graph: node.properties.get("encrypted") is False,
        lambda node, graph: f"{label(node)} stores data without encryption at rest",
    ),
)
