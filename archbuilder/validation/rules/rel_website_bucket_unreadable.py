"""A website bucket nobody can read: not public and not behind CloudFront."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

ORIGIN = {ConnectionKind.ORIGIN}

RULE = Rule(
    id="REL-084",
    title="Website bucket that nobody can read",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "S3 Tips"),
    description="S3 website hosting serves anonymous visitors, so its objects must be publicly readable; a website "
    "bucket that blocks public access answers every visitor with 403 unless a CloudFront distribution reads it on "
    "their behalf.",
    remediation="Serve the site through CloudFront with origin access control (recommended), or allow public read "
    "on the bucket.",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: (
            node.properties.get("website") is True
            and node.properties.get("public_access") is not True
            and not has_link(graph, node, ORIGIN, direction="in")
        ),
        lambda node, graph: (
            f"{label(node)} hosts a website but neither the public nor a distribution can read it"
        ),
    ),
    applies_to=("s3_bucket", "cloudfront_distribution"),
    tags=("storage", "cdn"),
    wa_best_practice="REL02-BP01",
    checked="2026-12-06",
)
