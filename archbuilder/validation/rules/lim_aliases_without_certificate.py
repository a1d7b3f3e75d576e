"""A CloudFront distribution with alternate domain names but no certificate for them."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import linked

ATTACH = {ConnectionKind.ATTACH}

RULE = Rule(
    id="LIM-075",
    title="Alternate domain names without a certificate",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite(
        "003", "- Use correct region for certificate - e.g. CloudFront requires certificates from us-east-1"
    ),
    description="A distribution serves its own alternate domain names (aliases) only with a certificate covering "
    "them, from ACM in us-east-1 or imported; CloudFront refuses aliases without one, and the export refuses them "
    "too.",
    remediation="Attach an ACM certificate (in us-east-1) for the aliases, or remove the aliases and use the "
    "distribution's own domain name.",
    check=each_service(
        ("cloudfront_distribution",),
        lambda node, graph: (
            bool(node.properties.get("aliases"))
            and not any(n.type == "acm_certificate" for n in linked(graph, node, ATTACH, direction="both"))
        ),
        lambda node, graph: (
            f"{label(node)} serves {', '.join(node.properties.get('aliases') or [])} without a "
            "certificate for them"
        ),
    ),
    applies_to=("cloudfront_distribution", "acm_certificate"),
    tags=("cdn", "tls", "limits"),
    wa_best_practice="SEC09-BP01",
    checked="2026-12-06",
)
