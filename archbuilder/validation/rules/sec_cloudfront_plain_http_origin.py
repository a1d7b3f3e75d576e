"""A CloudFront distribution reaching a load balancer origin over plain HTTP."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

ORIGIN = {ConnectionKind.ORIGIN}
PLAIN = {"HTTP", "TCP"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cdn in services_of_type(graph, "cloudfront_distribution"):
        for origin in linked(graph, cdn, ORIGIN):
            if origin.type in ("alb", "clb") and origin.properties.get("listener_protocol") in PLAIN:
                findings.append(
                    rule.finding(
                        [cdn, origin],
                        f"{label(cdn)} reaches {label(origin)} over plain HTTP, so requests cross the internet "
                        "unencrypted between the edge and the origin",
                    )
                )
    return findings


RULE = Rule(
    id="SEC-042",
    title="CloudFront to origin over plain HTTP",
    severity=Severity.WARNING,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "CloudFront Tips"),
    description="HTTPS between viewers and CloudFront protects only the first leg: CloudFront then calls the origin "
    "over the internet, and a load balancer origin that listens on HTTP only receives every request, cookies and "
    "credentials included, in clear.",
    remediation="Give the origin an HTTPS listener with a certificate and set the origin protocol policy to "
    "HTTPS only.",
    check=check,
    applies_to=("cloudfront_distribution", "alb", "clb"),
    tags=("cdn", "tls", "encryption"),
    wa_best_practice="SEC09-BP02",
    checked="2026-12-06",
)
