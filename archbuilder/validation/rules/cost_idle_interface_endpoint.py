"""An interface endpoint for a service nothing in its VPC calls."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.egress import api_endpoint, called_services, endpoint_service_name
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

# Endpoint services the design's connections show the use of; others (logs, kms, ssm, ecr, sts, execute-api...)
# are used by agents, image pulls and SDKs without a drawn connection.
CHECKED = {
    "sqs",
    "sns",
    "kinesis-streams",
    "kinesis-firehose",
    "secretsmanager",
    "states",
    "events",
    "email-smtp",
    "git-codecommit",
    "dynamodb",
    "s3",
}


def _used(graph: ArchGraph, vpc_id: str) -> set[str]:
    used: set[str] = set()
    for node in graph.services_by_vpc.get(vpc_id, []):
        for target in called_services(graph, node):
            service = api_endpoint(graph, target.type)
            if service is not None:
                used.add(service)
    return used


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    used_by_vpc: dict[str, set[str]] = {}
    for endpoint in services_of_type(graph, "vpc_endpoint_interface"):
        service = endpoint_service_name(endpoint.properties.get("service"))
        vpc_id = graph.placements[endpoint.id].vpc_id
        if service not in CHECKED or vpc_id is None:
            continue
        if vpc_id not in used_by_vpc:
            used_by_vpc[vpc_id] = _used(graph, vpc_id)
        if service not in used_by_vpc[vpc_id]:
            findings.append(
                rule.finding(
                    endpoint,
                    f"{label(endpoint)} ({service}) is billed in each of its AZs, but nothing in the VPC calls {service}",
                )
            )
    return findings


RULE = Rule(
    id="COST-030",
    title="Interface endpoint nothing uses",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.LOW,
    source=cite("002", "VPC Details -"),
    description="Interface endpoints are network interfaces in each subnet they are placed in, billed per hour in "
    "every AZ and per GB; one for a service that nothing in the VPC calls costs that for no traffic.",
    remediation="Remove the endpoint, or draw the calls that use it.",
    check=check,
    applies_to=("vpc_endpoint_interface",),
    tags=("cost", "network", "waste"),
    wa_best_practice="COST04-BP03",
    checked="2026-12-06",
)
