"""Data that AWS always encrypts, kept under a key AWS controls instead of a KMS key of one's own."""

from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_problem, label

# The key each service uses when no KMS key of one's own is chosen.
DEFAULT_KEY = {
    "s3_bucket": "S3-managed keys (SSE-S3)",
    "dynamodb_table": "a key AWS owns",
    "msk_cluster": "an AWS managed key",
}


def _problem(node: ServiceNode) -> str | None:
    if node.properties.get("encrypted") is not False:
        return None
    return (
        f"{label(node)} is encrypted at rest with {DEFAULT_KEY[node.type]}, not a KMS key whose use you can "
        "control and audit"
    )


RULE = Rule(
    id="SEC-032",
    title="Data encrypted under a key AWS controls",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.HIGH,
    source=cite("000", "KMS Basics"),
    description="S3, DynamoDB and MSK encrypt everything at rest whatever you choose; what you choose is the key. "
    "Under a KMS key of your own, its key policy decides who may decrypt the data, every use is logged by "
    "CloudTrail, and revoking the key makes the data unreadable; under AWS's own keys none of that is yours.",
    remediation="Attach a customer managed KMS key (SSE-KMS for S3, a KMS key for the DynamoDB table or MSK "
    "cluster) where the data is sensitive.",
    check=each_problem(tuple(DEFAULT_KEY), _problem),
    checked="2026-12-06",
    note="The guide predates always-on encryption: S3 has encrypted every new object since January 2023 and "
    "DynamoDB every table since 2018, so the rule speaks of the key instead of encryption being off.",
    applies_to=("s3_bucket", "dynamodb_table", "msk_cluster", "kms_key"),
    tags=("encryption",),
    wa_best_practice="SEC08-BP01",
)
