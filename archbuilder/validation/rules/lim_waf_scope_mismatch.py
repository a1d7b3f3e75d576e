"""A WAF web ACL whose scope does not fit what it is attached to."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for acl in services_of_type(graph, "waf_web_acl"):
        scope = acl.properties.get("scope", "REGIONAL")
        for target in linked(graph, acl, direction="both"):
            if target.type == "generic":
                continue
            wanted = "CLOUDFRONT" if target.type == "cloudfront_distribution" else "REGIONAL"
            if scope != wanted:
                findings.append(
                    rule.finding(
                        [acl, target],
                        f"{label(acl)} has {scope} scope but protects {label(target)}, which takes a {wanted} web ACL",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-059",
    title="Web ACL scope does not fit its resource",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.MEDIUM,
    source=cite("002", "AWS WAF (Web Application Firewall)"),
    description="A web ACL is created for one scope: CLOUDFRONT (in us-east-1) for distributions, REGIONAL for "
    "load balancers, API Gateway stages, AppSync and Cognito in its region. An ACL of the other scope cannot be "
    "associated with the resource.",
    remediation="Create the web ACL with the scope of the resource it protects (a CLOUDFRONT ACL for a distribution, "
    "a REGIONAL one in the resource's region otherwise).",
    check=check,
    applies_to=("waf_web_acl", "cloudfront_distribution", "alb", "api_gateway_rest"),
    tags=("security", "limits"),
    wa_best_practice="SEC05-BP03",
    checked="2026-12-06",
)
