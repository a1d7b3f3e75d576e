"""A regional REST API that only proxies to Lambda functions, which an HTTP API does for less."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

INTEGRATIONS = (
    ConnectionKind.INVOKE,
    ConnectionKind.TRAFFIC,
    ConnectionKind.WRITE,
    ConnectionKind.READ_WRITE,
)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for api in services_of_type(graph, "api_gateway_rest"):
        # Private endpoints and WAF are REST-only features; edge-optimized APIs bring their own CloudFront.
        if api.properties.get("endpoint_type", "REGIONAL") != "REGIONAL":
            continue
        if any(n.type == "waf_web_acl" for n in linked(graph, api, [ConnectionKind.ATTACH], direction="in")):
            continue
        backends = linked(graph, api, INTEGRATIONS)
        if backends and all(b.type == "lambda_function" for b in backends):
            findings.append(
                rule.finding(
                    api,
                    f"{label(api)} is a REST API that only calls Lambda functions; an HTTP API does that at a lower "
                    "price per request",
                )
            )
    return findings


RULE = Rule(
    id="COST-016",
    title="REST API used only as a Lambda front door",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.HIGH,
    source=cite("003", "- HTTP API - simplified version of REST API with lower costs"),
    description="HTTP APIs are a simplified version of REST APIs with lower costs, made for integrations such as "
    "Lambda; a regional REST API that uses none of the REST-only features (private endpoints, WAF, usage plans, "
    "caching, request validation) pays more for the same calls.",
    remediation="Use an HTTP API for the Lambda integrations, unless the API needs a REST-only feature.",
    check=check,
    applies_to=("api_gateway_rest", "api_gateway_http", "lambda_function"),
    tags=("cost", "serverless"),
    wa_best_practice="COST05-BP03",
    checked="2026-11-23",
)
