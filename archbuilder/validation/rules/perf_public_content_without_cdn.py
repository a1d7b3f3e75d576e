"""Public website bucket served without CloudFront."""

from archbuilder.graph.queries import neighbours_of_type
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="PERF-002",
    title="Website bucket without CloudFront",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("000", "CloudFront Basics"),
    description="CloudFront serves cacheable content from edge locations close to users, and adds HTTPS on your "
    "own domain, which S3 website hosting cannot do.",
    remediation="Serve the bucket through a CloudFront distribution with origin access control and keep the bucket private.",
    check=each_service(
        ("s3_bucket",),
        lambda node, graph: (
            node.properties.get("website") is True
            and not neighbours_of_type(graph, node.id, {"cloudfront_distribution"}, direction="in")
        ),
        lambda node, graph: f"{label(node)} hosts a website without CloudFront in front",
    ),
    applies_to=("s3_bucket", "cloudfront_distribution"),
    tags=("cdn", "storage"),
    wa_best_practice="PERF04-BP02",
    checked="2026-11-22",
)
