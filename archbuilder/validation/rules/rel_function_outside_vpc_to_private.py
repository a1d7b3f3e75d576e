"""A function running outside any VPC that is drawn talking to a resource in private subnets."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import SubnetTier
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

SOURCES = ("lambda_function", "glue_job", "codebuild_project")
DATA_KINDS = {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for source in services_of_type(graph, *SOURCES):
        if graph.placements[source.id].vpc_id is not None:
            continue
        for target_id in sorted(graph.flow.successors(source.id)):
            if not graph.flow.edges[source.id, target_id]["kinds"] & DATA_KINDS:
                continue
            placement = graph.placements[target_id]
            target = graph.architecture.service(target_id)
            private_only = placement.tiers and all(tier is SubnetTier.PRIVATE for tier in placement.tiers)
            if private_only and target.properties.get("publicly_accessible") is not True:
                findings.append(
                    rule.finding(
                        [source, target],
                        f"{label(source)} runs outside any VPC and cannot reach {label(target)} in private subnets",
                    )
                )
    return findings


RULE = Rule(
    id="REL-025",
    title="Function outside the VPC calls a private resource",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite(
        "003", "- Subnets - Divided into public and private, they represent IP address range inside VPC"
    ),
    description="Private subnets have no route from outside the VPC; a function that is not attached to the VPC "
    "cannot open connections to a database, cache or server placed only in private subnets.",
    remediation="Attach the function to private subnets of the VPC (two or more AZs) with a security group the "
    "target admits, plus a NAT gateway or VPC endpoints for the AWS APIs it calls.",
    check=check,
    applies_to=("lambda_function", "glue_job", "codebuild_project"),
    tags=("network", "serverless"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-22",
)
