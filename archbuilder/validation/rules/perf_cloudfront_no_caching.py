"""A CloudFront distribution whose default cache lifetime is zero."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="PERF-007",
    title="CloudFront caches nothing by default",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    source=cite("003", "- Configure appropriate cache lifetimes (TTL) and use file versioning"),
    description="With a default TTL of 0, objects without their own cache headers are fetched from the origin on "
    "every request: the distribution adds a hop instead of serving from the edge.",
    remediation="Set a default TTL that suits the content (hours or days for versioned assets) and version file "
    "names so new releases do not wait for the cache.",
    check=each_service(
        ("cloudfront_distribution",),
        lambda node, graph: node.properties.get("default_ttl_seconds") == 0,
        lambda node, graph: f"{label(node)} has a default cache lifetime of 0 seconds",
    ),
)
