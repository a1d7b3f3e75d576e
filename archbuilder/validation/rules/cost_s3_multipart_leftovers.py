"""S3 bucket without a rule cleaning up incomplete multipart uploads."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="COST-007",
    title="Incomplete uploads never cleaned up",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("000", "S3 Gotchas and Limitations"),
    description="Incomplete multipart uploads accrue storage charges even when the upload fails and no object is created.",
    remediation="Add a lifecycle rule aborting incomplete multipart uploads after a few days.",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: not node.properties.get("abort_incomplete_multipart_days"),
        lambda node, graph: f"{label(node)} keeps incomplete multipart uploads (and pays for them) forever",
    ),
    applies_to=("s3_bucket",),
    tags=("cost", "storage", "lifecycle"),
    wa_best_practice="COST04-BP05",
    checked="2026-11-22",
)
