"""A CloudFront distribution with no origin."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

ORIGIN = {ConnectionKind.ORIGIN}

RULE = Rule(
    id="REL-081",
    title="Distribution without an origin",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("003", "- Origin - source of original content that CloudFront will cache and deliver"),
    description="A CloudFront distribution serves content from its origins (a bucket, a load balancer, an API, a "
    "custom server); a distribution with none has nothing to serve and cannot be created.",
    remediation="Connect the distribution to its origin (origin connection).",
    check=each_service(
        ("cloudfront_distribution",),
        lambda node, graph: not has_link(graph, node, ORIGIN),
        lambda node, graph: f"{label(node)} has no origin to fetch content from",
    ),
    applies_to=("cloudfront_distribution",),
    tags=("cdn",),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
