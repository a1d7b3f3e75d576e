"""A Lambda function drawn as the target of a Network or Classic Load Balancer."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

FORWARD = {ConnectionKind.TRAFFIC, ConnectionKind.INVOKE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for balancer in services_of_type(graph, "nlb", "clb"):
        for function in linked(graph, balancer, FORWARD):
            if function.type == "lambda_function":
                findings.append(
                    rule.finding(
                        [balancer, function],
                        f"{label(balancer)} sends to {label(function)}, but only an Application Load Balancer can "
                        "target a Lambda function",
                    )
                )
    return findings


RULE = Rule(
    id="LIM-074",
    title="Lambda behind a Network or Classic Load Balancer",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Elastic Load Balancers (ELB)"),
    description="Load balancers send traffic to targets of their target groups: instances, IP addresses and, for "
    "an Application Load Balancer only, Lambda functions (it turns HTTP requests into invocations). A Network or "
    "Classic Load Balancer has no Lambda target type.",
    remediation="Put an Application Load Balancer (or API Gateway) in front of the function.",
    check=check,
    applies_to=("nlb", "clb", "lambda_function"),
    tags=("network", "serverless", "limits"),
    wa_best_practice="REL01-BP03",
    checked="2026-12-06",
)
