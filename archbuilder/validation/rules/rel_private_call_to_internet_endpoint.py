"""A service in private subnets calling an endpoint that only the internet reaches, with no NAT gateway."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.egress import called_services, internet_only
from archbuilder.graph.queries import services_in_subnets, vpcs_with_egress
from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Functions and jobs attached to a VPC get no public address, even in a public subnet.
VPC_FUNCTIONS = {"lambda_function", "codebuild_project", "batch_compute_environment"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    natted = vpcs_with_egress(graph)
    for node in services_in_subnets(graph):
        placement = graph.placements[node.id]
        vpc_id = placement.vpc_id
        if vpc_id is None or vpc_id in natted:
            continue
        if SubnetTier.PUBLIC in placement.tiers and node.type not in VPC_FUNCTIONS:
            continue  # a public subnet's servers go out through the internet gateway
        for target in called_services(graph, node):
            if internet_only(graph, target):
                findings.append(
                    rule.finding(
                        [node, target],
                        f"{label(node)} calls {label(target)}, which only the internet reaches, from a VPC with no "
                        "NAT gateway to the internet",
                    )
                )
    return findings


RULE = Rule(
    id="REL-059",
    title="Private service calls an internet endpoint without a NAT gateway",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("003", "- NAT Gateways - Allow for internet access from private subnets"),
    description="Private subnets have no route to the internet of their own: their services reach a public "
    "endpoint (an internet-facing load balancer, a public API, a CloudFront distribution, an accelerator) only "
    "through a NAT gateway. VPC endpoints reach AWS service APIs, not these, and a Lambda function in a VPC gets "
    "no public address even in a public subnet.",
    remediation="Add a NAT gateway in a public subnet of each AZ and route the private subnets to it, or call the "
    "service over a private path (an internal load balancer, a private API through an execute-api endpoint).",
    check=check,
    applies_to=("ec2_instance", "lambda_function", "ecs_service", "nat_gateway", "alb", "api_gateway_rest"),
    tags=("network", "egress"),
    wa_best_practice="REL02-BP01",
    checked="2026-12-06",
)
