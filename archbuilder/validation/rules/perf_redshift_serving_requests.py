"""A Redshift warehouse queried by an application that answers requests from a front door (OLTP use)."""

from archbuilder.catalog import ConnectionKind, ServiceRole
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type, types_with_role
from archbuilder.model import ServiceNode
from archbuilder.validation.finding import Finding, Pillar, Severity
from archbuilder.validation.rule import Effort, Rule, cite
from archbuilder.validation.rules._kit import label

QUERY_KINDS = {ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE}
REQUEST_KINDS = {ConnectionKind.TRAFFIC, ConnectionKind.INVOKE}


def _serves_requests(graph: ArchGraph, node: ServiceNode) -> bool:
    """The node receives traffic or invocations from a front door (load balancer, API, CDN, accelerator)."""
    front_doors = types_with_role(graph, ServiceRole.FRONT_DOOR)
    for connection in graph.connections_of(node.id):
        if connection.target_id != node.id or connection.kind not in REQUEST_KINDS:
            continue
        source = graph.architecture.nodes.get(connection.source_id)
        if isinstance(source, ServiceNode) and source.type in front_doors:
            return True
    return False


def _request_handlers(graph: ArchGraph, warehouse: ServiceNode) -> list[ServiceNode]:
    found: dict[str, ServiceNode] = {}
    # Compute that answers requests synchronously when a front door sends them.
    handlers = types_with_role(graph, ServiceRole.REQUEST_HANDLER)
    for connection in graph.connections_of(warehouse.id):
        if connection.target_id != warehouse.id or connection.kind not in QUERY_KINDS:
            continue
        source = graph.architecture.nodes.get(connection.source_id)
        if isinstance(source, ServiceNode) and source.type in handlers and _serves_requests(graph, source):
            found[source.id] = source
    return [found[key] for key in sorted(found)]


def check(rule: Rule, graph: ArchGraph) -> list[Finding]:
    findings = []
    for warehouse in services_of_type(graph, "redshift_cluster"):
        for handler in _request_handlers(graph, warehouse):
            findings.append(
                rule.finding(
                    [warehouse, handler],
                    f"{label(warehouse)} is queried by {label(handler)}, which answers user requests: Redshift is "
                    "an analytics warehouse, not a transactional database",
                )
            )
    return findings


RULE = Rule(
    id="PERF-012",
    title="Redshift serving application requests",
    severity=Severity.WARNING,
    pillar=Pillar.PERFORMANCE_EFFICIENCY,
    effort=Effort.HIGH,
    source=cite("002", "Amazon Redshift"),
    description="Redshift is a column-based warehouse for online analytical processing: it is not used for OLTP "
    "workloads and is not a replacement for RDS. Queries from an application answering user requests (many "
    "small reads and writes) run slowly and queue behind each other there.",
    remediation="Serve the application from a transactional database (RDS, Aurora or DynamoDB) and load Redshift "
    "from it for analytics.",
    check=check,
    applies_to=("redshift_cluster", "ec2_instance", "lambda_function", "ecs_service"),
    tags=("analytics", "database"),
    wa_best_practice="PERF03-BP01",
    checked="2026-11-23",
)
