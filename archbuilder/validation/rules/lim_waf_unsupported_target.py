"""A WAF web ACL attached to a resource WAF cannot protect."""

from archbuilder.graph import ArchGraph
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import attached_outside

# The guide names CloudFront, ALB and API Gateway; of API Gateway, only REST APIs can be associated (HTTP APIs
# cannot). Cognito user pools are protected today as well, and imported `generic` resources are unknown.
PROTECTABLE = {"cloudfront_distribution", "alb", "api_gateway_rest", "cognito_user_pool", "generic"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    return [
        rule.finding(
            [acl, target],
            f"Web ACL {label(acl)} is attached to {label(target)}, but WAF protects only CloudFront, "
            "Application Load Balancers and API Gateway REST APIs",
        )
        for acl, target in attached_outside(graph, "waf_web_acl", PROTECTABLE)
    ]


RULE = Rule(
    id="LIM-037",
    title="WAF attached to a resource it cannot protect",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("003", "WAF is a managed firewall service that protects web applications"),
    description="AWS WAF is a layer-7 firewall that inspects the HTTP(S) requests reaching CloudFront, an Application "
    "Load Balancer or an API Gateway REST API; it cannot be associated with HTTP APIs, Network or Classic Load "
    "Balancers, instances or other resources, which stay unprotected.",
    remediation="Attach the web ACL to the CloudFront distribution, ALB or REST API in front of this resource, or put an "
    "ALB or CloudFront in front of it.",
    check=check,
    applies_to=("waf_web_acl", "cloudfront_distribution", "alb", "api_gateway_rest", "cognito_user_pool"),
    tags=("limits", "security"),
    wa_best_practice="SEC05-BP03",
    checked="2026-11-23",
)
