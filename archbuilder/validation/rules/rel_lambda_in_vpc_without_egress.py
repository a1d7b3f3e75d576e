"""Lambda function in private subnets that cannot reach AWS APIs."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, vpcs_with_egress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label

REGIONAL_APIS = {
    "s3_bucket",
    "dynamodb_table",
    "sqs_queue",
    "sns_topic",
    "kinesis_stream",
    "secrets_manager_secret",
    "kms_key",
    "ssm_parameter",
    "step_functions",
    "eventbridge_bus",
    "firehose_stream",
    "cloudwatch_log_group",
}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    findings = []
    with_way_out = vpcs_with_egress(graph, "vpc_endpoint_gateway", "vpc_endpoint_interface")
    for fn in services_of_type(graph, "lambda_function", "codebuild_project", "batch_compute_environment"):
        placement = graph.placements[fn.id]
        if placement.vpc_id is None or placement.vpc_id in with_way_out:
            continue  # not in a VPC, or the VPC has a way out: nothing to report whatever it calls
        targets = sorted(
            {
                arch.node(t).label
                for t in graph.flow.successors(fn.id)
                if getattr(arch.nodes.get(t), "type", None) in REGIONAL_APIS
            }
        )
        if targets:
            findings.append(
                rule.finding(
                    fn,
                    f"{label(fn)} runs in a VPC with no NAT gateway or VPC endpoint, so it cannot reach {', '.join(targets)}",
                )
            )
    return findings


RULE = Rule(
    id="REL-013",
    title="VPC function without a path to AWS APIs",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    source=cite("002", "NAT Gateways"),
    description="A function attached to private subnets has no internet access; calls to AWS services need a NAT "
    "gateway or VPC endpoints (gateway endpoints for S3 and DynamoDB, interface endpoints for the rest).",
    remediation="Add a NAT gateway per AZ, or VPC endpoints for the services the function calls.",
    check=check,
)
