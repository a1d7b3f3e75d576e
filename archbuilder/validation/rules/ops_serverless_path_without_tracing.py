"""A production API that calls functions, with no tracing of the requests through them."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import is_production, label
from archbuilder.validation.rules._links import linked

CALLS = {ConnectionKind.INVOKE, ConnectionKind.TRAFFIC}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if not is_production(graph) or graph.by_type.get("xray"):
        return []
    findings = []
    for api in services_of_type(graph, "api_gateway_rest", "api_gateway_http"):
        functions = [n for n in linked(graph, api, CALLS) if n.type in ("lambda_function", "step_functions")]
        if functions:
            findings.append(
                rule.finding(
                    [api, *functions],
                    f"Requests through {label(api)} to {', '.join(label(f) for f in functions)} are not traced: "
                    "the design has no X-Ray",
                )
            )
    return findings


RULE = Rule(
    id="OPS-031",
    title="Serverless request path without tracing",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("002", "AWS X-RAY"),
    description="A request to a serverless API crosses API Gateway, functions and the services they call, each "
    "with its own logs; X-Ray follows one request through all of them, showing where time goes and which "
    "downstream call fails.",
    remediation="Turn on X-Ray tracing on the API stage and the functions (active tracing), and draw X-Ray in the "
    "design.",
    check=check,
    applies_to=("xray", "api_gateway_rest", "api_gateway_http", "lambda_function", "step_functions"),
    tags=("monitoring", "serverless"),
    wa_best_practice="OPS08-BP03",
    checked="2026-12-06",
)
