"""A load balancer behind CloudFront that the internet can reach directly as well, around the distribution."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import directly_exposed, effective_ingress, open_to_world, services_with_role
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _distributions(graph: ArchGraph, node: ServiceNode) -> list[ServiceNode]:
    nodes = graph.architecture.nodes
    found = {
        c.source_id: nodes[c.source_id]
        for c in graph.connections_of(node.id)
        if c.kind is ConnectionKind.ORIGIN
        and c.target_id == node.id
        and getattr(nodes.get(c.source_id), "type", None) == "cloudfront_distribution"
    }
    return [found[key] for key in sorted(found)]  # type: ignore[misc]


def _world_open(graph: ArchGraph, node: ServiceNode) -> bool:
    """A listener is open to everyone unless the balancer declares ingress rules and none of them is."""
    rules = effective_ingress(graph, node)
    return not rules or any(open_to_world(rule) for rule in rules)


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for balancer in services_with_role(graph, ServiceRole.LOAD_BALANCER):
        if not directly_exposed(graph, balancer.id) or not _world_open(graph, balancer):
            continue
        distributions = _distributions(graph, balancer)
        if distributions:
            names = ", ".join(label(d) for d in distributions)
            findings.append(
                rule.finding(
                    [balancer, *distributions],
                    f"{label(balancer)} is the origin of {names} but takes requests from the whole internet too, "
                    "around the distribution's cache and web ACL",
                )
            )
    return findings


RULE = Rule(
    id="SEC-033",
    title="CloudFront origin open around the distribution",
    severity=Severity.INFO,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("002", "CloudFront"),
    description="A distribution's protections (AWS WAF, Shield, TLS policy, caching) apply only to requests that go "
    "through it. An internet-facing load balancer used as its origin and open to everyone can be called directly "
    "at its own DNS name, skipping all of them.",
    remediation="Let the load balancer's security group accept only CloudFront's origin-facing managed prefix list "
    "(com.amazonaws.global.cloudfront.origin-facing), or have CloudFront add a secret header the listener "
    "requires, or make it internal and reach it through a CloudFront VPC origin.",
    check=check,
    checked="2026-12-06",
    note="Beyond the guide: CloudFront's managed prefix list (2022) and VPC origins (2024) are how an origin "
    "accepts only the distribution.",
    applies_to=("cloudfront_distribution", "alb", "nlb", "clb"),
    tags=("exposure", "cdn", "network"),
    wa_best_practice="SEC05-BP02",
)
