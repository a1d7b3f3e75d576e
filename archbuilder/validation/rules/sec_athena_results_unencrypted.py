"""An Athena workgroup that writes query results unencrypted."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-034",
    title="Athena query results unencrypted",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Athena"),
    description="Athena writes every query's result set to S3; the results hold whatever the query selected from "
    "the data lake, so a workgroup that does not encrypt them leaves copies of sensitive data outside the "
    "protection of the tables they came from.",
    remediation="Encrypt the workgroup's query results (SSE-S3 or SSE-KMS) and enforce the workgroup configuration "
    "so clients cannot turn it off.",
    check=each_service(
        ("athena_workgroup",),
        lambda node, graph: node.properties.get("encrypted") is False,
        lambda node, graph: f"{label(node)} writes query results to S3 without encryption",
    ),
    applies_to=("athena_workgroup", "s3_bucket"),
    tags=("encryption", "analytics", "data"),
    wa_best_practice="SEC08-BP02",
    checked="2026-12-06",
)
