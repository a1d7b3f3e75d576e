"""A data store the internet can reach directly."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import data_stores, describe_path, reachable_from_internet
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for node in data_stores(graph):
        path = reachable_from_internet(graph, node.id)
        if path is not None:
            how = f"through {describe_path(graph, path)}"
        elif node.properties.get("publicly_accessible") is True:
            how = "through its publicly accessible endpoint"
        else:
            continue
        findings.append(rule.finding(node, f"{label(node)} is reachable from the internet {how}"))
    return findings


RULE = Rule(
    id="SEC-004",
    title="Data store reachable from the internet",
    severity=Severity.ERROR,
    pillar=Pillar.SECURITY,
    effort=Effort.LOW,
    source=cite("000", "VPC and Network Security Tips"),
    description="A database, cache or warehouse that accepts connections from the internet (public endpoint or "
    "world-open security group) exposes the data to attacks; the guide recommends keeping private resources off "
    "the public internet.",
    remediation="Turn off public accessibility, remove world-open ingress and reach the data store only from the application tier.",
    check=check,
    applies_to=(
        "rds_instance",
        "aurora_cluster",
        "elasticache_cluster",
        "redshift_cluster",
        "opensearch_domain",
        "efs_file_system",
    ),
    tags=("data", "exposure", "network"),
    wa_best_practice="SEC05-BP01",
    checked="2026-11-22",
)
