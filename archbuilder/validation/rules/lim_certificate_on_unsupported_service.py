"""An ACM certificate attached to a resource that cannot use ACM certificates."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import connections_by_kind

# Services integrated with ACM: load balancers and CloudFront in the guide; API Gateway and Cognito custom domains,
# Elastic Beanstalk (through its load balancer) and OpenSearch custom endpoints today. App Runner and AppSync use
# ACM too; they are not in the catalog, and imported `generic` resources are unknown.
INTEGRATED = {
    "alb",
    "nlb",
    "clb",
    "cloudfront_distribution",
    "api_gateway_rest",
    "api_gateway_http",
    "cognito_user_pool",
    "elastic_beanstalk",
    "opensearch_domain",
    "generic",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    if "acm_certificate" not in graph.by_type:
        return []
    services = graph.architecture.nodes
    pairs = sorted(
        {
            (c.source_id, c.target_id)
            for c in connections_by_kind(graph).get(ConnectionKind.ATTACH, ())
            if getattr(services.get(c.source_id), "type", None) == "acm_certificate"
            and getattr(services.get(c.target_id), "type", None) not in INTEGRATED
            # An exportable certificate's key can be installed anywhere.
            and getattr(services[c.source_id], "properties", {}).get("exportable") is not True
        }
    )
    findings = []
    for certificate_id, target_id in pairs:
        certificate, target = (
            graph.architecture.service(certificate_id),
            graph.architecture.service(target_id),
        )
        findings.append(
            rule.finding(
                [certificate, target],
                f"Certificate {label(certificate)} is attached to {label(target)}, but a certificate that cannot be "
                "exported is used only by the services integrated with ACM (load balancers, CloudFront, API Gateway, "
                "Cognito, OpenSearch, Elastic Beanstalk)",
            )
        )
    return findings


RULE = Rule(
    id="LIM-039",
    title="ACM certificate on a service that cannot use it",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("000", "Certificate Manager Alternatives and Lock-in"),
    description="Certificates issued by Certificate Manager can't be used outside the services that support it "
    "(load balancers, CloudFront, API Gateway, Cognito and OpenSearch custom domains, Elastic Beanstalk, App Runner, "
    "AppSync); their private key is never handed out, so an instance or other service cannot install one, unless "
    "the certificate is issued as exportable.",
    remediation="Terminate TLS on a load balancer or CloudFront in front of the service, issue the certificate as an "
    "exportable public certificate, or install a certificate from another authority (or an imported one) on the "
    "service itself.",
    check=check,
    checked="2026-12-06",
    note="The guide names load balancers and CloudFront only; ACM integrates with more services today, and public "
    "certificates can be issued as exportable since June 2025.",
    applies_to=("acm_certificate", "ec2_instance", "opensearch_domain", "elastic_beanstalk"),
    tags=("limits", "tls"),
    wa_best_practice="SEC09-BP01",
)
