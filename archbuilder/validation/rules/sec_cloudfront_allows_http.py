"""A CloudFront distribution that lets viewers use plain HTTP."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="SEC-022",
    title="CloudFront accepts plain HTTP",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("003", "- Use HTTPS (its obligatory) with own SSL/TLS certificates or managed by AWS ACM"),
    description="Viewers should reach a distribution over HTTPS only; with the allow-all viewer protocol policy "
    "pages, cookies and tokens can travel unencrypted and be read or altered on the way.",
    remediation="Set the viewer protocol policy to redirect-to-https (or https-only) with an ACM certificate.",
    check=each_service(
        ("cloudfront_distribution",),
        lambda node, graph: node.properties.get("viewer_protocol_policy") == "allow-all",
        lambda node, graph: f"{label(node)} serves viewers over plain HTTP",
    ),
    applies_to=("cloudfront_distribution",),
    tags=("tls", "cdn"),
    wa_best_practice="SEC09-BP02",
    checked="2026-11-22",
)
