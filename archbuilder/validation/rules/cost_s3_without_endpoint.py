"""VPC services using S3 or DynamoDB through NAT instead of a gateway endpoint."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite

GATEWAY_SERVICES = {"s3_bucket", "dynamodb_table"}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    arch = graph.architecture
    endpoint_vpcs = {graph.placements[e.id].vpc_id for e in services_of_type(graph, "vpc_endpoint_gateway")}
    findings = []
    # Only services with a connection to a bucket or table can be reported: start from those, not from every service.
    users = {
        source_id
        for target in services_of_type(graph, *sorted(GATEWAY_SERVICES))
        for source_id in graph.flow.predecessors(target.id)
    }
    for node in sorted((arch.service(s) for s in users if s in graph.placements), key=lambda s: s.id):
        vpc_id = graph.placements[node.id].vpc_id
        if vpc_id is None or vpc_id in endpoint_vpcs:
            continue
        targets = sorted(
            arch.node(t).label
            for t in graph.flow.successors(node.id)
            if getattr(arch.nodes[t], "type", "") in GATEWAY_SERVICES
        )
        if targets:
            findings.append(
                rule.finding(
                    node, f"“{node.label}” reaches {', '.join(targets)} without a VPC gateway endpoint"
                )
            )
    return findings


RULE = Rule(
    id="COST-003",
    title="S3/DynamoDB without a gateway endpoint",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("002", "Internet Gateway"),
    description="Gateway endpoints route S3 and DynamoDB traffic privately and for free; without one, private "
    "subnets send it through NAT gateways, which charge per gigabyte processed.",
    remediation="Add a gateway VPC endpoint for S3 (and DynamoDB) to the VPC's route tables.",
    check=check,
    applies_to=("s3_bucket", "dynamodb_table", "vpc_endpoint_gateway", "nat_gateway"),
    tags=("cost", "network", "egress"),
    wa_best_practice="COST08-BP03",
    checked="2026-11-22",
)
