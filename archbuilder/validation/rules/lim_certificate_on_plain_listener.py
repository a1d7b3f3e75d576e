"""A certificate attached to a load balancer whose listener is plain (HTTP, TCP, UDP): nothing uses it."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import connections_by_kind
from archbuilder.validation.rules.lim_tls_listener_without_certificate import ENCRYPTED_LISTENERS

# What each balancer's listener becomes to terminate TLS with the certificate.
ENCRYPTED_CHOICE = {"alb": "HTTPS", "nlb": "TLS", "clb": "HTTPS or SSL"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    services = graph.architecture.nodes
    certificates: dict[str, list[str]] = {}
    for c in connections_by_kind(graph).get(ConnectionKind.ATTACH, ()):
        if getattr(services.get(c.source_id), "type", None) == "acm_certificate":
            certificates.setdefault(c.target_id, []).append(c.source_id)
    findings = []
    for balancer in services_of_type(graph, "alb", "nlb", "clb"):
        protocol = balancer.properties.get("listener_protocol")
        if balancer.id not in certificates or protocol in ENCRYPTED_LISTENERS:
            continue
        for certificate_id in sorted(certificates[balancer.id]):
            certificate = graph.architecture.service(certificate_id)
            findings.append(
                rule.finding(
                    [certificate, balancer],
                    f"Certificate {label(certificate)} is attached to {label(balancer)}, whose listener is plain "
                    f"{protocol}: nothing uses the certificate (the export writes its {protocol} listener without it) "
                    f"and the traffic to the balancer is not encrypted by it; set the listener to "
                    f"{ENCRYPTED_CHOICE[balancer.type]} to terminate TLS with it",
                )
            )
    return findings


RULE = Rule(
    id="LIM-092",
    title="Certificate on a plain listener",
    severity=Severity.WARNING,  # the export works; the certificate is unused and the traffic plain
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "Load Balancer Basics"),
    description="Load balancers can optionally handle termination for an SSL certificate: the certificate is used "
    "only by a listener that terminates TLS (HTTPS on an ALB, TLS on an NLB, HTTPS or SSL on a CLB). A certificate "
    "attached to a balancer whose listener is plain HTTP, TCP or UDP is not written to it, so the drawing promises "
    "encryption the deployed balancer does not give.",
    remediation="Set the listener protocol to HTTPS (ALB), TLS (NLB) or HTTPS/SSL (CLB), or remove the certificate if "
    "TLS is meant to pass through to the targets.",
    check=check,
    applies_to=("alb", "nlb", "clb", "acm_certificate"),
    tags=("limits", "tls"),
    wa_best_practice="SEC09-BP02",
    checked="2026-12-06",
)
