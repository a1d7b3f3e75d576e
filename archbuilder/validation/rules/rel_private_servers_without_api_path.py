"""Servers or containers in private subnets that call AWS services they have no network path to."""

from archbuilder.catalog import ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, services_with_role, vpcs_with_egress
from archbuilder.model import ServiceNode, SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Rule, cite
from archbuilder.validation.rules._kit import label

# Regional AWS APIs a drawn connection calls, and the endpoint service names that reach them privately. (Image
# pulls from ECR have their own rule.)
API_SERVICES = {
    "s3_bucket": "s3",
    "dynamodb_table": "dynamodb",
    "sqs_queue": "sqs",
    "sns_topic": "sns",
    "kinesis_stream": "kinesis-streams",
    "firehose_stream": "kinesis-firehose",
    "secrets_manager_secret": "secretsmanager",
    "kms_key": "kms",
    "ssm_parameter": "ssm",
    "step_functions": "states",
    "eventbridge_bus": "events",
    "cloudwatch_log_group": "logs",
}


def _paths(graph: ArchGraph) -> tuple[set[str], dict[str, set[str]]]:
    """VPCs with a NAT gateway to the internet, and per VPC the services its gateway/interface endpoints reach
    (once per graph)."""
    cached = graph.memo.get("rel_private_api_paths")
    if cached is None:
        natted = vpcs_with_egress(graph)
        endpoints: dict[str, set[str]] = {}
        for endpoint in services_of_type(graph, "vpc_endpoint_gateway", "vpc_endpoint_interface"):
            vpc_id = graph.placements[endpoint.id].vpc_id
            service = str(endpoint.properties.get("service") or "").rsplit(".", 1)[-1].lower()
            if vpc_id is not None and service:
                endpoints.setdefault(vpc_id, set()).add(service)
        cached = (natted, endpoints)
        graph.memo["rel_private_api_paths"] = cached
    return cached


def _unreachable(graph: ArchGraph, node: ServiceNode, vpc_id: str) -> list[ServiceNode]:
    natted, endpoints = _paths(graph)
    if vpc_id in natted:
        return []
    reachable = endpoints.get(vpc_id, set())
    found: dict[str, ServiceNode] = {}
    for target_id in graph.flow.successors(node.id):
        target = graph.architecture.nodes.get(target_id)
        if (
            isinstance(target, ServiceNode)
            and target.type in API_SERVICES
            and API_SERVICES[target.type] not in reachable
        ):
            found[target.id] = target
    return [found[key] for key in sorted(found)]


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in services_with_role(graph, ServiceRole.SERVER):
        placement = graph.placements[node.id]
        if placement.vpc_id is None or not placement.tiers or SubnetTier.PUBLIC in placement.tiers:
            continue
        targets = _unreachable(graph, node, placement.vpc_id)
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
    source=cite("002", "NAT Gateways"),
    description="Instances in a private subnet reach the internet and other AWS services through a NAT gateway, or "
    "privately through VPC endpoints (gateway endpoints for S3 and DynamoDB, interface endpoints for the rest); "
    "with neither, calls to S3, SQS, DynamoDB and the like time out.",
    remediation="Add a NAT gateway in each AZ (in a public subnet) and route the private subnets to it, or add VPC "
    "endpoints for the services the servers call.",
    check=check,
)
