"""CloudFront origin failover configured on a distribution with fewer than two origins."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for distribution in services_of_type(graph, "cloudfront_distribution"):
        if distribution.properties.get("origin_failover") is not True:
            continue
        origins = linked(graph, distribution, [ConnectionKind.ORIGIN])
        if len(origins) < 2:
            has = "no origin" if not origins else f"only one origin ({label(origins[0])})"
            findings.append(
                rule.finding(
                    [distribution, *origins],
                    f"{label(distribution)} has origin failover on but {has}; failover needs a primary and a "
                    "secondary origin",
                )
            )
    return findings


RULE = Rule(
    id="LIM-033",
    title="Origin failover with a single origin",
    severity=Severity.ERROR,
    pillar=Pillar.RELIABILITY,
    effort=Effort.MEDIUM,
    source=cite("004", "Origin failover"),
    description="CloudFront origin failover uses an origin group of a primary origin and a second origin it switches "
    "to when the primary returns failure codes; a distribution needs at least two origins for it.",
    remediation="Connect a second origin (for example a bucket replicated to another region) to the distribution, "
    "or turn origin failover off.",
    check=check,
    applies_to=("cloudfront_distribution",),
    tags=("limits", "cdn", "availability"),
    wa_best_practice="REL01-BP03",
    checked="2026-11-23",
)
