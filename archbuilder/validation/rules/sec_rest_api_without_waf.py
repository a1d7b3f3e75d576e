"""A public REST API with no AWS WAF web ACL attached."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import directly_exposed
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label


def _has_web_acl(node_id: str, graph: ArchGraph) -> bool:
    return any(
        c.kind is ConnectionKind.ATTACH
        and c.target_id == node_id
        and getattr(graph.architecture.nodes.get(c.source_id), "type", None) == "waf_web_acl"
        for c in graph.connections_of(node_id)
    )


RULE = Rule(
    id="SEC-020",
    title="Public REST API without WAF",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Use Authorization (e.g. AWS Cognito), Throttling, WAF Integration and HTTPS"),
    description="An API open to the internet should be protected by authorization, throttling and WAF integration; "
    "a web ACL on a REST API stage filters injection attempts, bad bots and floods before they reach the backend.",
    remediation="Attach a WAF web ACL (managed rule groups, rate-based rule) to the API's stage.",
    check=each_service(
        ("api_gateway_rest",),
        lambda node, graph: directly_exposed(graph, node.id) and not _has_web_acl(node.id, graph),
        lambda node, graph: f"{label(node)} is open to the internet with no WAF web ACL attached",
    ),
    applies_to=("api_gateway_rest", "waf_web_acl"),
    tags=("exposure", "serverless"),
    wa_best_practice="SEC05-BP03",
    checked="2026-11-22",
)
