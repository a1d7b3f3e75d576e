"""A private REST API in a design with no execute-api interface endpoint to reach it."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _execute_api_endpoint(graph: ArchGraph) -> bool:
    return any(
        str(endpoint.properties.get("service") or "").endswith("execute-api")
        for endpoint in services_of_type(graph, "vpc_endpoint_interface")
    )


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    private = [
        a
        for a in services_of_type(graph, "api_gateway_rest")
        if a.properties.get("endpoint_type") == "PRIVATE"
    ]
    if not private or _execute_api_endpoint(graph):
        return []
    return [
        rule.finding(
            api,
            f"{label(api)} is a private API, but no interface VPC endpoint for execute-api lets anything reach it",
        )
        for api in private
    ]


RULE = Rule(
    id="REL-041",
    title="Private API without an interface endpoint",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "API Gateway"),
    description="A private API Gateway endpoint is only accessible from VPCs through interface VPC endpoints for "
    "execute-api; without one, no client can call it.",
    remediation="Add an interface VPC endpoint for execute-api in the callers' VPC (with private DNS) and allow it in "
    "the API's resource policy, or make the API regional.",
    check=check,
    applies_to=("api_gateway_rest", "vpc_endpoint_interface"),
    tags=("serverless", "network"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-23",
)
