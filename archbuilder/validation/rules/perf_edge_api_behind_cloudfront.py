"""A CloudFront distribution in front of an edge-optimized REST API, which already has its own edge distribution."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for distribution in services_of_type(graph, "cloudfront_distribution"):
        for connection in graph.connections_of(distribution.id):
            if connection.source_id != distribution.id or connection.kind is not ConnectionKind.ORIGIN:
                continue
            api = graph.architecture.nodes.get(connection.target_id)
            if (
                isinstance(api, ServiceNode)
                and api.type == "api_gateway_rest"
                and api.properties.get("endpoint_type", "EDGE") == "EDGE"
            ):
                findings.append(
                    rule.finding(
                        [distribution, api],
                        f"{label(distribution)} forwards to {label(api)}, an edge-optimized API: requests cross two "
                        "CloudFront edges",
                    )
                )
    return findings


RULE = Rule(
    id="PERF-016",
    title="CloudFront in front of an edge-optimized API",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.LOW,
    source=cite("002", "API Gateway"),
    description="An edge-optimized API already sends its requests through a CloudFront edge location; putting your "
    "own distribution in front adds a second edge hop to every request. A regional endpoint is the one meant to be "
    "combined with your own CloudFront distribution.",
    remediation="Make the API's endpoint type REGIONAL and keep the distribution (with its caching, WAF and domain) "
    "in front of it.",
    check=check,
    applies_to=("cloudfront_distribution", "api_gateway_rest"),
    tags=("cdn", "serverless"),
    wa_best_practice="PERF04-BP02",
    checked="2026-11-23",
)
