"""Redshift with Enhanced VPC Routing loading from S3, with no path to S3 inside its VPC."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, vpcs_with_egress
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def _s3_paths(graph: ArchGraph) -> set[str]:
    """VPCs with an S3 gateway endpoint or a NAT gateway to the internet (computed once per graph)."""
    cached = graph.memo.get("rel_redshift_s3_paths")
    if cached is None:
        cached = vpcs_with_egress(graph) | {
            vpc_id
            for node in services_of_type(graph, "vpc_endpoint_gateway")
            if node.properties.get("service", "s3") == "s3"
            and (vpc_id := graph.placements[node.id].vpc_id) is not None
        }
        graph.memo["rel_redshift_s3_paths"] = cached
    return cached


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cluster in services_of_type(graph, "redshift_cluster"):
        vpc_id = graph.placements[cluster.id].vpc_id
        if cluster.properties.get("enhanced_vpc_routing") is not True or vpc_id is None:
            continue
        buckets = [b for b in linked(graph, cluster, direction="both") if b.type == "s3_bucket"]
        if buckets and vpc_id not in _s3_paths(graph):
            findings.append(
                rule.finding(
                    [cluster, *buckets],
                    f"{label(cluster)} uses Enhanced VPC Routing to reach {', '.join(label(b) for b in buckets)}, "
                    f"but VPC “{graph.architecture.node(vpc_id).label}” has no S3 gateway endpoint or NAT gateway",
                )
            )
    return findings


RULE = Rule(
    id="REL-040",
    title="Enhanced VPC Routing without a path to S3",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("002", "Enhanced VPC Routing -"),
    description="With Enhanced VPC Routing, Redshift forces all COPY and UNLOAD traffic between the cluster and its "
    "data repositories through the VPC; if the VPC has no route to S3, loads and unloads fail.",
    remediation="Add an S3 gateway endpoint to the cluster's VPC (free), or a NAT gateway for its subnets.",
    check=check,
    applies_to=("redshift_cluster", "s3_bucket", "vpc_endpoint_gateway", "nat_gateway"),
    tags=("analytics", "egress"),
    wa_best_practice="REL02-BP01",
    checked="2026-11-23",
)
