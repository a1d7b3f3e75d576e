"""An S3 bucket with Object Lock but versioning off."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="LIM-032",
    title="Object Lock without versioning",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "S3 Object Lock"),
    description="S3 Object Lock protects object versions (write once, read many) through retention periods and "
    "legal holds on each version; a bucket without versioning has no versions to lock, so Object Lock cannot be "
    "turned on.",
    remediation="Turn on versioning for the bucket (Object Lock keeps it on), or drop Object Lock.",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: (
            node.properties.get("object_lock") is True and node.properties.get("versioning") is False
        ),
        lambda node, graph: (
            f"{label(node)} has Object Lock on but versioning off; Object Lock locks object versions"
        ),
    ),
    applies_to=("s3_bucket",),
    tags=("limits", "storage", "backup"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
