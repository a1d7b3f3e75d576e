"""API Gateway REST API with no authorization."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-010",
    title="Public API without authorization",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "API Gateway Gotchas and Limitations"),
    description="API Gateway endpoints are internet facing; they can require authentication, and without it anyone can call them.",
    remediation="Require IAM, Cognito user pool or a custom authorizer on the API, unless it is deliberately public.",
    check=each_service(
        ("api_gateway_rest",),
        lambda node, graph: (
            node.properties.get("authorization", "NONE") == "NONE"
            and node.properties.get("endpoint_type") != "PRIVATE"
        ),
        lambda node, graph: f"{label(node)} accepts calls from the internet without authorization",
    ),
    applies_to=("api_gateway_rest",),
    tags=("identity", "exposure", "serverless"),
    wa_best_practice="SEC03-BP02",
    checked="2026-11-22",
)
