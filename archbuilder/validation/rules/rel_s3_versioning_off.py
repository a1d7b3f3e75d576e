"""S3 bucket without versioning."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="REL-010",
    title="S3 versioning off",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("000", "S3 Tips"),
    description="Versioning preserves every version of an object, so overwrites and deletions can be backed out.",
    remediation="Turn on versioning (with a lifecycle rule expiring old versions to bound the cost).",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: node.properties.get("versioning") is False,
        lambda node, graph: f"{label(node)} has versioning turned off",
    ),
    applies_to=("s3_bucket",),
    tags=("storage", "backup"),
    wa_best_practice="REL09-BP01",
    checked="2026-11-22",
)
