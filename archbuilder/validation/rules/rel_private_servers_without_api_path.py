"""Servers or containers in private subnets that call AWS services they have no network path to."""

from archbuilder.catalog import ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.egress import unreachable_apis
from archbuilder.graph.queries import services_with_role
from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in services_with_role(graph, ServiceRole.SERVER):
        placement = graph.placements[node.id]
        if placement.vpc_id is None or not placement.tiers or SubnetTier.PUBLIC in placement.tiers:
            continue
        # Image pulls from ECR have a rule of their own (REL-026); the catalog names no endpoint for them here.
        targets = unreachable_apis(graph, node, placement.vpc_id)
        if targets:
            findings.append(
                rule.finding(
                    [node, *targets],
                    f"{label(node)} runs in private subnets with no NAT gateway or VPC endpoint for "
                    f"{', '.join(label(t) for t in targets)}, so its calls cannot leave the VPC",
                )
            )
    return findings


RULE = Rule(
    id="REL-056",
    title="Private servers without a path to AWS APIs",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "NAT Gateways"),
    description="Instances in a private subnet reach the internet and other AWS services through a NAT gateway, or "
    "privately through VPC endpoints (gateway endpoints for S3 and DynamoDB, interface endpoints for the rest); "
    "with neither, calls to S3, SQS, DynamoDB and the like time out.",
    remediation="Add a NAT gateway in each AZ (in a public subnet) and route the private subnets to it, or add VPC "
    "endpoints for the services the servers call.",
    check=check,
    applies_to=(
        "ec2_instance",
        "autoscaling_group",
        "ecs_service",
        "fargate_task",
        "eks_node_group",
        "vpc_endpoint_interface",
        "vpc_endpoint_gateway",
        "secrets_manager_secret",
        "ssm_parameter",
        "cloudwatch_log_group",
        "codecommit_repository",
        "s3_bucket",
    ),
    tags=("network", "egress"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-23",
)
