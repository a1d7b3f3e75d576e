"""A CloudFront distribution of static content whose default cache lifetime is zero."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

ORIGIN = {ConnectionKind.ORIGIN}


def _static_origins_only(node: ServiceNode, graph: ArchGraph) -> bool:
    """Whether every origin is a bucket: a dynamic origin (a load balancer, an API) rightly caches nothing."""
    origins = linked(graph, node, ORIGIN)
    return bool(origins) and all(origin.type == "s3_bucket" for origin in origins)


RULE = Rule(
    id="PERF-007",
    title="CloudFront caches nothing by default",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("003", "- Configure appropriate cache lifetimes (TTL) and use file versioning"),
    description="With a default TTL of 0, objects without their own cache headers are fetched from the origin on "
    "every request: in front of static content in S3 the distribution adds a hop instead of serving from the "
    "edge. In front of a dynamic origin (a load balancer or an API) a TTL of 0 is right: the origin's headers "
    "decide.",
    remediation="Set a default TTL that suits the content (hours or days for versioned assets) and version file "
    "names so new releases do not wait for the cache.",
    check=each_service(
        ("cloudfront_distribution",),
        lambda node, graph: (
            node.properties.get("default_ttl_seconds") == 0 and _static_origins_only(node, graph)
        ),
        lambda node, graph: (
            f"{label(node)} serves static content from S3 with a default cache lifetime of 0 seconds"
        ),
    ),
    checked="2026-12-06",
    applies_to=("cloudfront_distribution", "s3_bucket"),
    tags=("cdn", "caching"),
    wa_best_practice="PERF03-BP05",
)
