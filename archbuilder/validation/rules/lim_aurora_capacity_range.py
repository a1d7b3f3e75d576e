"""Aurora Serverless cluster whose minimum capacity is above its maximum."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for cluster in services_of_type(graph, "aurora_cluster"):
        if cluster.properties.get("capacity_mode") != "serverless_v2":
            continue
        low = _number(cluster.properties.get("min_capacity_acu"))
        high = _number(cluster.properties.get("max_capacity_acu"))
        if low is not None and high is not None and low > high:
            findings.append(
                rule.finding(
                    cluster,
                    f"{label(cluster)} is set to scale from {low:g} ACUs up to {high:g} ACUs: the minimum is above "
                    "the maximum",
                )
            )
    return findings


RULE = Rule(
    id="LIM-026",
    title="Aurora Serverless minimum capacity above its maximum",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("002", "Amazon Aurora Serverless"),
    description="Aurora Serverless scales between a minimum and a maximum number of Aurora Capacity Units; a range "
    "whose minimum exceeds its maximum is rejected when the cluster is created.",
    remediation="Set the minimum ACUs at or below the maximum (the minimum can be zero).",
    check=check,
    applies_to=("aurora_cluster",),
    tags=("limits", "database", "scaling"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
