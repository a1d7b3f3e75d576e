"""An internet-facing Application Load Balancer that listens on plain HTTP."""

from archbuilder.graph.queries import directly_exposed
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-018",
    title="Internet-facing load balancer without TLS",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- Use SSL/TLS Termination to enable load balancer to handle SSL decryption"),
    description="A load balancer facing the internet should terminate SSL/TLS so clients talk to it encrypted; a plain "
    "HTTP listener sends requests, cookies and credentials in clear text across the internet.",
    remediation="Listen on HTTPS with a certificate from ACM (and redirect port 80 to it).",
    check=each_service(
        ("alb",),
        lambda node, graph: (
            node.properties.get("listener_protocol") == "HTTP" and directly_exposed(graph, node.id)
        ),
        lambda node, graph: f"{label(node)} accepts internet traffic on plain HTTP",
    ),
    applies_to=("alb",),
    tags=("tls", "exposure"),
    wa_best_practice="SEC09-BP02",
    checked="2026-11-22",
)
