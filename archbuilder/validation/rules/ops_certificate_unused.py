"""An ACM certificate attached to nothing."""

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label
from archbuilder.validation.rules._links import has_link

ATTACH = {ConnectionKind.ATTACH}

RULE = Rule(
    id="OPS-034",
    title="Certificate attached to nothing",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.LOW,
    source=cite("000", "Certificate Manager Tips"),
    description="ACM renews the certificates the integrated services use automatically; a certificate attached to no "
    "load balancer, distribution or API is not in use, is not renewed automatically once ineligible, and "
    "expiry warnings about it are noise.",
    remediation="Attach the certificate to the listener, distribution or custom domain that serves the name, or "
    "delete it.",
    check=each_service(
        ("acm_certificate",),
        lambda node, graph: not has_link(graph, node, ATTACH, direction="both"),
        lambda node, graph: f"{label(node)} is attached to nothing",
    ),
    applies_to=("acm_certificate",),
    tags=("tls", "configuration"),
    wa_best_practice="SEC09-BP01",
    checked="2026-12-06",
)
