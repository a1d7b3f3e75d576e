"""A Lambda function behind API Gateway that may run longer than API Gateway waits for it."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

DEFAULT_TIMEOUT_SECONDS = 29  # REST APIs, and the most an edge-optimized one allows
HTTP_API_TIMEOUT_SECONDS = 30  # HTTP APIs: fixed
RAISED_TIMEOUT_SECONDS = 300  # the most a Regional or private REST API can be raised to (since June 2024)
LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3


def _message(api: ServiceNode, function: ServiceNode, timeout: float) -> str | None:
    if api.type == "api_gateway_http":
        if timeout <= HTTP_API_TIMEOUT_SECONDS:
            return None
        return f"{label(api)} stops waiting after {HTTP_API_TIMEOUT_SECONDS} s but {label(function)} may run {timeout:g} s"
    if timeout <= DEFAULT_TIMEOUT_SECONDS:
        return None
    if api.properties.get("endpoint_type") == "EDGE":
        return f"{label(api)} stops waiting after {DEFAULT_TIMEOUT_SECONDS} s but {label(function)} may run {timeout:g} s"
    if timeout > RAISED_TIMEOUT_SECONDS:
        return (
            f"{label(api)} stops waiting after {DEFAULT_TIMEOUT_SECONDS} s ({RAISED_TIMEOUT_SECONDS} s at most when "
            f"raised) but {label(function)} may run {timeout:g} s"
        )
    return (
        f"{label(api)} stops waiting after {DEFAULT_TIMEOUT_SECONDS} s unless its integration timeout is raised "
        f"(up to {RAISED_TIMEOUT_SECONDS} s), but {label(function)} may run {timeout:g} s"
    )


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for api in services_of_type(graph, "api_gateway_rest", "api_gateway_http"):
        for function in neighbours_of_type(graph, api.id, {"lambda_function"}):
            kinds = graph.flow.edges[api.id, function.id]["kinds"]
            if not kinds & {ConnectionKind.INVOKE, ConnectionKind.TRAFFIC}:
                continue
            timeout = function.properties.get("timeout_seconds", LAMBDA_DEFAULT_TIMEOUT_SECONDS)
            if isinstance(timeout, int | float) and (message := _message(api, function, timeout)):
                findings.append(rule.finding([api, function], message))
    return findings


RULE = Rule(
    id="LIM-007",
    title="Lambda runs longer than the API Gateway integration timeout",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "API Gateway"),
    description="API Gateway integrations time out after 29 seconds (30 for an HTTP API), Lambda included; a "
    "function allowed to run longer keeps working (and billing) after the client already got a timeout error. "
    "Since June 2024 a Regional or private REST API can raise its integration timeout up to 300 seconds through a "
    "quota increase, which may lower the account's request throttle; an edge-optimized API or an HTTP API cannot.",
    remediation="Keep synchronous API work under the timeout and lower the function's timeout to match, raise the "
    "integration timeout of a Regional or private REST API, or hand long work to a queue or Step Functions and "
    "answer at once.",
    check=check,
    checked="2026-12-06",
    note="The guide's 29 seconds is a default now: Regional and private REST APIs can be raised to 300 seconds "
    "(June 2024); HTTP APIs allow 30.",
    applies_to=("api_gateway_rest", "api_gateway_http", "lambda_function"),
    tags=("limits", "serverless", "timeouts"),
    wa_best_practice="REL05-BP05",
)
