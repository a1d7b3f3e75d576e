"""S3 bucket with public access allowed."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-006",
    title="S3 bucket open to the public",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "S3 Gotchas and Limitations"),
    description="Block public access is off; bucket policies or ACLs can then grant access to anyone (the guide warns "
    "that even 'Authenticated Users' means every AWS account).",
    remediation="Keep block public access on and serve public content through CloudFront with origin access control.",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: node.properties.get("public_access") is True,
        lambda node, graph: f"{label(node)} allows public access",
    ),
    applies_to=("s3_bucket",),
    tags=("data", "exposure", "storage"),
    wa_best_practice="SEC03-BP07",
    checked="2026-11-22",
)
