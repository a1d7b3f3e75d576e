"""A load balancer set to listen on HTTPS or TLS with no certificate attached."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import connections_by_kind

ENCRYPTED_LISTENERS = {"HTTPS", "TLS", "SSL"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    services = graph.architecture.nodes
    # The few attach connections, once, instead of every connection of every load balancer.
    certified = {
        c.target_id
        for c in connections_by_kind(graph).get(ConnectionKind.ATTACH, ())
        if getattr(services.get(c.source_id), "type", None) == "acm_certificate"
    }
    findings = []
    for balancer in services_of_type(graph, "alb", "nlb", "clb"):
        protocol = balancer.properties.get("listener_protocol")
        if protocol in ENCRYPTED_LISTENERS and balancer.id not in certified:
            findings.append(
                rule.finding(
                    balancer,
                    f"{label(balancer)} listens on {protocol} but has no certificate attached; the export asks the "
                    "deploy for the ARN of an issued one",
                )
            )
    return findings


RULE = Rule(
    id="LIM-041",
    title="HTTPS listener without a certificate",
    severity=Severity.WARNING,  # the export still works: the deploy gives the certificate
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Certificate Manager"),
    description="An HTTPS or TLS listener presents an SSL/TLS certificate, which Certificate Manager provides for free "
    "to Elastic Load Balancing; an HTTPS listener cannot be created without one, so the export writes the listener "
    "as designed and asks the deploy for the ARN of an issued certificate (a template parameter, a Terraform "
    "variable): the stack cannot be deployed until one is issued for the balancer's domain.",
    remediation="Attach an ACM certificate for the load balancer's domain (in the load balancer's region), or set the "
    "listener to plain HTTP/TCP knowingly.",
    check=check,
    applies_to=("alb", "nlb", "clb", "acm_certificate"),
    tags=("limits", "tls"),
    wa_best_practice="SEC09-BP01",
    checked="2026-11-23",
)
