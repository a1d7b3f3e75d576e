"""Internet-facing web entry point without AWS WAF."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph.queries import neighbours_of_type
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-009",
    title="Public web entry point without WAF",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    source=cite("000", "Security and IAM Tips"),
    description="AWS WAF helps protect web applications from common attack patterns; CloudFront distributions and "
    "internet-facing Application Load Balancers are where it attaches.",
    remediation="Attach a WAF web ACL (managed rule groups for SQL injection and cross-site scripting) to the entry point.",
    check=each_service(
        ("cloudfront_distribution", "alb"),
        lambda node, graph: (
            (node.type != "alb" or node.properties.get("internet_facing") is True)
            and not neighbours_of_type(graph, node.id, {"waf_web_acl"}, direction="in")
            and not any(
                c.kind is ConnectionKind.ATTACH
                and getattr(graph.architecture.node(c.source_id), "type", None) == "waf_web_acl"
                for c in graph.connections_of(node.id)
            )
        ),
        lambda node, graph: f"{label(node)} takes internet traffic with no WAF web ACL attached",
    ),
)
