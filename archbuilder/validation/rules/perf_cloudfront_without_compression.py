"""A CloudFront distribution that does not compress what it serves."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="PERF-004",
    title="CloudFront without compression",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("000", "CloudFront Tips"),
    description="For good web performance the guide recommends enabling compression on CloudFront distributions when "
    "the origin (S3, for one) does not compress: text assets shrink several times on the wire.",
    remediation="Turn on automatic compression in the distribution's cache behavior.",
    check=each_service(
        ("cloudfront_distribution",),
        lambda node, graph: node.properties.get("compress") is False,
        lambda node, graph: f"{label(node)} serves content uncompressed",
    ),
    applies_to=("cloudfront_distribution",),
    tags=("cdn",),
    wa_best_practice="PERF04-BP02",
    checked="2026-11-22",
)
