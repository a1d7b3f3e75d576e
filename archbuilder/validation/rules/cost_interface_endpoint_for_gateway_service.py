"""An interface endpoint paid by the hour for S3 or DynamoDB, which have free gateway endpoints."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

GATEWAY_SERVICES = ("s3", "dynamodb")


def _service(value: object) -> str:
    # "s3" or a full service name such as "com.amazonaws.us-east-1.s3"
    return str(value or "").rsplit(".", 1)[-1].lower()


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for endpoint in services_of_type(graph, "vpc_endpoint_interface"):
        service = _service(endpoint.properties.get("service"))
        if service in GATEWAY_SERVICES:
            name = "S3" if service == "s3" else "DynamoDB"
            findings.append(
                rule.finding(
                    endpoint,
                    f"{label(endpoint)} is an interface endpoint for {name}, billed per hour and per GB in each "
                    f"AZ; a gateway endpoint for {name} is free",
                )
            )
    return findings


RULE = Rule(
    id="COST-015",
    title="Interface endpoint where a gateway endpoint is free",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("002", "Types of Endpoints"),
    description="Interface endpoints are network interfaces with private addresses and cost by the hour (and per GB); "
    "gateway endpoints, available for S3 and DynamoDB, are only a route-table entry and are free. Inside the VPC "
    "the gateway endpoint does the same job.",
    remediation="Use a gateway endpoint for S3 or DynamoDB; keep the interface endpoint only if on-premises networks "
    "or other regions must reach the service through it.",
    check=check,
    applies_to=("vpc_endpoint_interface", "vpc_endpoint_gateway"),
    tags=("cost", "network", "egress"),
    wa_best_practice="COST08-BP03",
    checked="2026-11-23",
)
