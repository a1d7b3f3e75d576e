"""Lambda functions of one region reserving more concurrency than the account has there."""

from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._links import count, region_of

ACCOUNT_CONCURRENCY = 1000  # concurrent executions per region, the default quota


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    by_region: dict[str, list[ServiceNode]] = {}
    for function in services_of_type(graph, "lambda_function"):
        if count(function.properties.get("reserved_concurrency")) > 0:
            by_region.setdefault(region_of(graph, function), []).append(function)
    findings = []
    for region, functions in sorted(by_region.items()):
        total = sum(count(f.properties.get("reserved_concurrency")) for f in functions)
        if total > ACCOUNT_CONCURRENCY:
            findings.append(
                rule.finding(
                    functions,
                    f"Functions in {region} reserve {total:,} concurrent executions together; the account has "
                    f"{ACCOUNT_CONCURRENCY:,} in a region",
                )
            )
    return findings


RULE = Rule(
    id="LIM-024",
    title="Reserved concurrency above the regional quota",
    severity=Severity.WARNING,
    pillar=Pillar.RELIABILITY,
    effort=Effort.LOW,
    source=cite("004", "Execution roles"),
    description="An account runs at most 1,000 concurrent Lambda executions per region by default, shared by all "
    "its functions; reservations that add up to more than that cannot all be granted, so deploying them fails "
    "(and every reservation takes capacity away from the functions without one).",
    remediation="Lower the reservations so they add up to well under 1,000 (AWS keeps 100 unreserved), or request "
    "a higher concurrency quota for the region.",
    check=check,
    applies_to=("lambda_function",),
    tags=("limits", "quota", "serverless"),
    wa_best_practice="REL01-BP01",
    checked="2026-11-23",
)
