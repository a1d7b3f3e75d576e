"""Lambda functions opening connections to a relational database directly."""

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label
from archbuilder.validation.rules._links import linked

RELATIONAL = ("rds_instance", "aurora_cluster")
QUERIES = {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for database in services_of_type(graph, *RELATIONAL):
        if database.properties.get("capacity_mode") == "serverless_v2":
            continue  # Aurora Serverless v2 scales with connections (and has the Data API)
        functions = [
            n for n in linked(graph, database, QUERIES, direction="in") if n.type == "lambda_function"
        ]
        if functions:
            findings.append(
                rule.finding(
                    [database, *functions],
                    f"{', '.join(label(f) for f in functions)} connect to {label(database)} directly: each concurrent "
                    "invocation opens its own connection",
                )
            )
    return findings


RULE = Rule(
    id="PERF-020",
    title="Functions connecting straight to a relational database",
    severity=Severity.INFO,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.MEDIUM,
    source=cite("002", "Improve RDS Performance"),
    description="Each concurrent Lambda invocation holds its own database connection; a burst of invocations opens "
    "hundreds of connections at once and can exhaust the database's connection limit and memory. RDS Proxy pools "
    "and reuses connections between them.",
    remediation="Put RDS Proxy between the functions and the database (or use the Aurora Data API), and cap the "
    "functions' concurrency.",
    check=check,
    applies_to=("lambda_function", "rds_instance", "aurora_cluster"),
    tags=("database", "serverless", "scaling"),
    wa_best_practice="PERF03-BP02",
    checked="2026-12-06",
    note="Beyond the guide: RDS Proxy (2020) is how functions share database connections.",
)
