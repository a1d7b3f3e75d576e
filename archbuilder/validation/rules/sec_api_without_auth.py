"""API Gateway REST API with no authorization."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import connected, neighbours_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _signs_in_through_a_user_pool(node: ServiceNode, graph: ArchGraph) -> bool:
    """An attached Cognito user pool is the API's authorizer (the export requires its token on every method)."""
    return any(
        connected(graph, node.id, pool.id, {ConnectionKind.ATTACH})
        for pool in neighbours_of_type(graph, node.id, {"cognito_user_pool"})
    )


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
            and not _signs_in_through_a_user_pool(node, graph)
        ),
        lambda node, graph: f"{label(node)} accepts calls from the internet without authorization",
    ),
    applies_to=("api_gateway_rest",),
    tags=("identity", "exposure", "serverless"),
    wa_best_practice="SEC03-BP02",
    checked="2026-11-22",
)
