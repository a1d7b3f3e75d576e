"""Request-serving compute querying a data store in another region."""

from archbuilder.catalog import ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_flows, is_data_store, types_with_role
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import region_of


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    handlers = types_with_role(graph, ServiceRole.REQUEST_HANDLER)
    arch = graph.architecture
    findings = []
    for source_id, target_id in data_flows(graph):
        source, target = arch.service(source_id), arch.service(target_id)
        if source.type not in handlers or not is_data_store(graph, target):
            continue
        here, there = region_of(graph, source), region_of(graph, target)
        if here != there:
            findings.append(
                rule.finding(
                    [source, target],
                    f"{label(source)} ({here}) queries {label(target)} in {there}: every request waits for a round "
                    "trip between regions",
                )
            )
    return findings


RULE = Rule(
    id="PERF-024",
    title="Request path reaching a database in another region",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.HIGH,
    source=cite("000", "EC2 Tips"),
    description="Regions are hundreds or thousands of kilometres apart: a query from the application in one region "
    "to a database in another adds tens to hundreds of milliseconds to every request (and inter-region transfer "
    "costs), and the request path then depends on both regions.",
    remediation="Keep the application next to its database, or give the distant region a replica to read (an "
    "Aurora global database, a DynamoDB global table, a read replica).",
    check=check,
    applies_to=(
        "ec2_instance",
        "lambda_function",
        "ecs_service",
        "rds_instance",
        "aurora_cluster",
        "elasticache_cluster",
    ),
    tags=("database", "topology", "network"),
    wa_best_practice="PERF04-BP06",
    checked="2026-12-06",
)
