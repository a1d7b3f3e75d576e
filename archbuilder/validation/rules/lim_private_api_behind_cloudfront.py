"""A private REST API drawn as a CloudFront origin."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

ORIGIN = {ConnectionKind.ORIGIN}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cdn in services_of_type(graph, "cloudfront_distribution"):
        for api in linked(graph, cdn, ORIGIN):
            if api.type == "api_gateway_rest" and api.properties.get("endpoint_type") == "PRIVATE":
                findings.append(
                    rule.finding(
                        [cdn, api],
                        f"{label(cdn)} uses {label(api)} as its origin, but a private API answers only through "
                        "interface endpoints in VPCs",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-076",
    title="Private API as a CloudFront origin",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "API Gateway"),
    description="A private REST API is reachable only through execute-api interface endpoints from inside VPCs; "
    "CloudFront fetches origins over the internet, so a private API never answers it.",
    remediation="Make the API Regional (restricted with a resource policy or a header CloudFront adds), or serve "
    "it to VPC clients only.",
    check=check,
    applies_to=("cloudfront_distribution", "api_gateway_rest"),
    tags=("cdn", "serverless", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
