"""An ACM certificate validated by e-mail instead of DNS."""

from archbuilder.validation.finding import Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import each_service, label

RULE = Rule(
    id="OPS-005",
    title="Certificate validated by e-mail",
    severity=Severity.INFO,
    pillar=Pillar.OPERATIONAL_EXCELLENCE,
    effort=Effort.MEDIUM,
    source=cite("003", "- Use DNS verification method to automate verification"),
    description="DNS validation lets ACM validate (and keep renewing) the certificate automatically; e-mail "
    "validation waits for someone to click a link, at issue and again at every renewal.",
    remediation="Request the certificate with DNS validation and create the CNAME record ACM gives (Route 53 can "
    "do it in one step).",
    check=each_service(
        ("acm_certificate",),
        lambda node, graph: node.properties.get("validation_method") == "EMAIL",
        lambda node, graph: f"{label(node)} is validated by e-mail, so renewals wait for a person",
    ),
    applies_to=("acm_certificate",),
    tags=("tls", "deployment"),
    wa_best_practice="SEC09-BP01",
    checked="2026-11-22",
)
