"""An edge-optimized API whose certificate is outside us-east-1."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked, region_of

ATTACH = frozenset({ConnectionKind.ATTACH})


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for api in services_of_type(graph, "api_gateway_rest"):
        if api.properties.get("endpoint_type") != "EDGE":
            continue
        for certificate in linked(graph, api, ATTACH, direction="in"):
            region = region_of(graph, certificate)
            if certificate.type == "acm_certificate" and region != "us-east-1":
                findings.append(
                    rule.finding(
                        [api, certificate],
                        f"{label(api)} is edge-optimized (served through CloudFront) but uses certificate "
                        f"{label(certificate)} from {region}; it must be in us-east-1",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-042",
    title="Edge-optimized API certificate outside us-east-1",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Certificate Manager Gotchas and Limitations"),
    description="An edge-optimized API Gateway endpoint is served through a CloudFront distribution, and CloudFront "
    "only uses Certificate Manager certificates issued or imported in us-east-1 (N. Virginia); a certificate from "
    "another region cannot be set on the API's custom domain.",
    remediation="Request or import the custom domain's certificate in us-east-1, or make the API regional and keep "
    "the certificate in the API's region.",
    check=check,
    applies_to=("api_gateway_rest", "acm_certificate"),
    tags=("limits", "tls"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
