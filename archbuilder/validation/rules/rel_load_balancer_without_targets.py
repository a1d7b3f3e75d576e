"""A load balancer with nothing behind it."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import has_link

FORWARDING = frozenset({ConnectionKind.TRAFFIC, ConnectionKind.INVOKE})


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(node, f"{label(node)} forwards traffic to nothing: no target is connected behind it")
        for node in services_with_role(graph, ServiceRole.LOAD_BALANCER)
        if not has_link(graph, node, FORWARDING)
    ]


RULE = Rule(
    id="REL-045",
    title="Load balancer without targets",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite(
        "003", "- Target Groups - defines instances, containers or IP addresses to which the load balancer"
    ),
    description="A load balancer's listeners forward requests to target groups of instances, containers, IP "
    "addresses or functions; with no target drawn behind it, every request it accepts fails (HTTP 503).",
    remediation="Connect the load balancer to the service that should answer its requests (traffic connection), or "
    "remove it.",
    check=check,
    applies_to=("alb", "nlb", "clb"),
    tags=("network",),
    wa_best_practice="REL11-BP01",
    checked="2026-11-23",
)
