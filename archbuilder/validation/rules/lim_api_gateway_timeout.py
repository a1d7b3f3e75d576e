"""A Lambda function behind API Gateway that may run longer than API Gateway waits for it."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label

INTEGRATION_TIMEOUT_SECONDS = 29
LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for api in services_of_type(graph, "api_gateway_rest", "api_gateway_http"):
        for function in neighbours_of_type(graph, api.id, {"lambda_function"}):
            kinds = graph.flow.edges[api.id, function.id]["kinds"]
            if not kinds & {ConnectionKind.INVOKE, ConnectionKind.TRAFFIC}:
                continue
            timeout = function.properties.get("timeout_seconds", LAMBDA_DEFAULT_TIMEOUT_SECONDS)
            if isinstance(timeout, int | float) and timeout > INTEGRATION_TIMEOUT_SECONDS:
                findings.append(
                    rule.finding(
                        [api, function],
                        f"{label(api)} stops waiting after {INTEGRATION_TIMEOUT_SECONDS} s but {label(function)} "
                        f"may run {timeout:g} s",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-007",
    title="Lambda runs longer than the API Gateway integration timeout",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    source=cite("004", "API Gateway"),
    description="API Gateway integrations time out after 29 seconds for every integration type, Lambda included; "
    "a function allowed to run longer keeps working (and billing) after the client already got a timeout error.",
    remediation="Keep synchronous API work under 29 s and lower the function's timeout to match, or hand long work "
    "to a queue or Step Functions and answer at once.",
    check=check,
)
