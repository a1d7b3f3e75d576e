"""CloudFront using an ACM certificate from a region other than us-east-1."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    for cdn in services_of_type(graph, "cloudfront_distribution"):
        for connection in sorted(graph.connections_of(cdn.id), key=lambda c: c.id):
            if connection.kind is not ConnectionKind.ATTACH or connection.target_id != cdn.id:
                continue
            cert = arch.service(connection.source_id)
            region = graph.placements[cert.id].region
            if cert.type == "acm_certificate" and region != "us-east-1":
                findings.append(
                    rule.finding(
                        [cdn, cert],
                        f"“{cdn.label}” uses certificate “{cert.label}” from {region}; CloudFront needs it in us-east-1",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-001",
    title="CloudFront certificate outside us-east-1",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Certificate Manager Gotchas and Limitations"),
    description="CloudFront only accepts ACM certificates issued or imported in us-east-1 (N. Virginia); certificates "
    "from other regions only work with load balancers there.",
    remediation="Request or import the certificate in us-east-1 and attach that one to the distribution.",
    check=check,
    applies_to=("cloudfront_distribution", "acm_certificate"),
    tags=("limits", "tls", "cdn"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-22",
)
