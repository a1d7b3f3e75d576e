"""Internet-facing web entry point without AWS WAF."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import neighbours_of_type, services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _protected(node: ServiceNode, graph: ArchGraph) -> bool:
    """Whether a WAF web ACL is drawn in front of the node or attached to it."""
    if "waf_web_acl" not in graph.by_type:
        return False  # the design has no web ACL: skip looking at the node's neighbours
    return bool(neighbours_of_type(graph, node.id, {"waf_web_acl"}, direction="in")) or any(
        c.kind is ConnectionKind.ATTACH
        and getattr(graph.architecture.node(c.source_id), "type", None) == "waf_web_acl"
        for c in graph.connections_of(node.id)
    )


def _behind_cloudfront(node: ServiceNode, graph: ArchGraph) -> bool:
    """Whether a CloudFront distribution uses the node as its origin (its web ACL belongs on the distribution)."""
    return any(
        c.kind is ConnectionKind.ORIGIN
        and c.target_id == node.id
        and getattr(graph.architecture.nodes.get(c.source_id), "type", None) == "cloudfront_distribution"
        for c in graph.connections_of(node.id)
    )


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(node, f"{label(node)} takes internet traffic with no WAF web ACL attached")
        for node in services_of_type(graph, "cloudfront_distribution", "alb")
        if (node.type != "alb" or node.properties.get("internet_facing") is True)
        and not _protected(node, graph)
        and not (node.type == "alb" and _behind_cloudfront(node, graph))
    ]


RULE = Rule(
    id="SEC-009",
    title="Public web entry point without WAF",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Security and IAM Tips"),
    description="AWS WAF helps protect web applications from common attack patterns; CloudFront distributions and "
    "internet-facing Application Load Balancers are where it attaches. A load balancer that is a distribution's "
    "origin is protected by the distribution's web ACL, provided it accepts only CloudFront (SEC-033).",
    remediation="Attach a WAF web ACL (managed rule groups for SQL injection and cross-site scripting) to the entry point.",
    check=check,
    checked="2026-12-06",
    applies_to=("cloudfront_distribution", "alb", "waf_web_acl"),
    tags=("exposure", "cdn"),
    wa_best_practice="SEC05-BP03",
)
