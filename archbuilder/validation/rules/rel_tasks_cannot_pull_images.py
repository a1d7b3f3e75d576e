"""Containers in private subnets with no NAT gateway or endpoint to pull their images through."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import in_public_subnet, services_of_type, vpcs_with_egress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    egress = vpcs_with_egress(graph, "vpc_endpoint_interface")
    for node in services_of_type(graph, "ecs_service", "fargate_task"):
        vpc_id = graph.placements[node.id].vpc_id
        if vpc_id is None or vpc_id in egress or in_public_subnet(graph, node):
            continue
        image = str(node.properties.get("image") or "its image")
        findings.append(
            rule.finding(
                node,
                f"{label(node)} runs in private subnets with no NAT gateway or interface endpoint, so it cannot "
                f"pull {image}",
            )
        )
    return findings


RULE = Rule(
    id="REL-026",
    title="Tasks in private subnets cannot pull images",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "NAT Gateways"),
    description="Instances and tasks in a private subnet reach the internet and AWS services only through a NAT "
    "gateway (or VPC endpoints); without either, an ECS task cannot pull its container image and never starts.",
    remediation="Add a NAT gateway in a public subnet of each AZ, or interface endpoints for ECR (api, dkr) with the "
    "S3 gateway endpoint and CloudWatch Logs.",
    check=check,
    applies_to=("ecs_service", "fargate_task", "ecr_repository", "vpc_endpoint_interface"),
    tags=("containers", "egress"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
