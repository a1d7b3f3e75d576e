"""Athena querying data kept in an S3 bucket of another region."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked, region_of

READS = {ConnectionKind.READ, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for workgroup in services_of_type(graph, "athena_workgroup", "glue_crawler"):
        region = region_of(graph, workgroup)
        for bucket in linked(graph, workgroup, READS):
            if bucket.type == "s3_bucket" and region_of(graph, bucket) != region:
                findings.append(
                    rule.finding(
                        [workgroup, bucket],
                        f"{label(workgroup)} ({region}) reads {label(bucket)} in {region_of(graph, bucket)}: every "
                        "scan crosses regions and is billed as inter-region transfer",
                    )
                )
    return findings


RULE = Rule(
    id="COST-023",
    title="Athena or a crawler reading data in another region",
    severity=Severity.INFO,
    pillar=Pillar.COST_OPTIMIZATION,
    effort=Effort.MEDIUM,
    source=cite("000", "S3 Tips"),
    description="Athena and Glue read the S3 data they query or crawl; when the bucket is in another region, every "
    "scan moves the data across regions, which is billed per GB and slower than reading in place.",
    remediation="Query the data in its own region (a workgroup and Glue Data Catalog there), or replicate the "
    "bucket into the region that analyses it.",
    check=check,
    applies_to=("athena_workgroup", "glue_crawler", "s3_bucket"),
    tags=("cost", "analytics", "topology"),
    wa_best_practice="COST08-BP02",
    checked="2026-12-06",
)
