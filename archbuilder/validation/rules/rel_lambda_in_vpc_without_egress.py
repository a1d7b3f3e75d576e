"""Lambda function in private subnets that cannot reach AWS APIs."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.egress import api_endpoint, unreachable_apis
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Functions and jobs attached to a VPC get no public address, even in a public subnet.
VPC_FUNCTIONS = ("lambda_function", "codebuild_project", "batch_compute_environment")


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for fn in services_of_type(graph, *VPC_FUNCTIONS):
        vpc_id = graph.placements[fn.id].vpc_id
        if vpc_id is None:
            continue
        targets = unreachable_apis(graph, fn, vpc_id)
        if targets:
            calls = ", ".join(f"{t.label} ({api_endpoint(graph, t.type)})" for t in targets)
            findings.append(
                rule.finding(
                    fn,
                    f"{label(fn)} runs in a VPC with no NAT gateway and no VPC endpoint for what it calls: {calls}",
                )
            )
    return findings


RULE = Rule(
    id="REL-013",
    title="VPC function without a path to AWS APIs",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "NAT Gateways"),
    description="A function attached to private subnets has no internet access; calls to AWS services need a NAT "
    "gateway or a VPC endpoint for each service called (gateway endpoints for S3 and DynamoDB, interface endpoints "
    "for the rest): an endpoint for one service is no way out to another.",
    remediation="Add a NAT gateway per AZ, or a VPC endpoint for each service the function calls.",
    check=check,
    applies_to=(
        "lambda_function",
        "codebuild_project",
        "batch_compute_environment",
        "vpc_endpoint_gateway",
        "vpc_endpoint_interface",
        "nat_gateway",
        "secrets_manager_secret",
        "ssm_parameter",
        "sqs_queue",
    ),
    tags=("network", "egress", "serverless"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
