"""Questions rules ask of the graph: placement, AZ spread, exposure to the internet, tiers, single points of failure."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from archbuilder.catalog import Category, ConnectionKind
from archbuilder.graph.builder import FLOW_KINDS, INTERNET, ArchGraph
from archbuilder.model import ServiceNode, SubnetTier

DATA_CATEGORIES = {Category.DATABASE}
DATA_TYPES = {
    "elasticache_cluster",
    "redshift_cluster",
    "dax_cluster",
    "opensearch_domain",
    "efs_file_system",
    "msk_cluster",
}
WEB_TYPES = {
    "alb",
    "nlb",
    "clb",
    "cloudfront_distribution",
    "api_gateway_rest",
    "api_gateway_http",
    "global_accelerator",
}


def services_of_type(graph: ArchGraph, *types: str) -> list[ServiceNode]:
    if len(types) == 1:
        return list(graph.by_type.get(types[0], []))
    return sorted((s for t in set(types) for s in graph.by_type.get(t, [])), key=lambda s: s.id)


def zones_spanned(graph: ArchGraph, node: ServiceNode) -> set[str]:
    return set(graph.placements[node.id].zones)


def zones_of_group(graph: ArchGraph, nodes: Iterable[ServiceNode]) -> set[str]:
    zones: set[str] = set()
    for node in nodes:
        zones |= zones_spanned(graph, node)
    return zones


def in_public_subnet(graph: ArchGraph, node: ServiceNode) -> bool:
    return SubnetTier.PUBLIC in graph.placements[node.id].tiers


def in_vpc(graph: ArchGraph, node: ServiceNode) -> bool:
    return graph.placements[node.id].vpc_id is not None


def is_data_store(graph: ArchGraph, node: ServiceNode) -> bool:
    return graph.service_type(node).category in DATA_CATEGORIES or node.type in DATA_TYPES


def tier_of(graph: ArchGraph, node: ServiceNode) -> str:
    """web (front door), data (stores) or app (everything that computes in between)."""
    if node.type in WEB_TYPES:
        return "web"
    if is_data_store(graph, node):
        return "data"
    return "app"


def internet_path(graph: ArchGraph, node_id: str) -> list[str] | None:
    """The shortest chain of flow connections from the Internet to the node (ids), or None."""
    previous: dict[str, str | None] = {INTERNET: None}
    queue = deque([INTERNET])
    while queue:
        current = queue.popleft()
        if current == node_id:
            path = [current]
            while previous[path[-1]] is not None:
                path.append(previous[path[-1]])  # type: ignore[arg-type]
            return list(reversed(path))
        for successor in graph.flow.successors(current):
            if successor not in previous and graph.flow.edges[current, successor]["kinds"] & FLOW_KINDS:
                previous[successor] = current
                queue.append(successor)
    return None


def directly_exposed(graph: ArchGraph, node_id: str) -> bool:
    return graph.flow.has_edge(INTERNET, node_id)


def describe_path(graph: ArchGraph, path: list[str]) -> str:
    return " → ".join(
        "Internet" if step == INTERNET else graph.architecture.node(step).label for step in path
    )


def connected(
    graph: ArchGraph, source_id: str, target_id: str, kinds: set[ConnectionKind] | None = None
) -> bool:
    if not graph.flow.has_edge(source_id, target_id):
        return False
    return kinds is None or bool(graph.flow.edges[source_id, target_id]["kinds"] & kinds)


def neighbours_of_type(
    graph: ArchGraph, node_id: str, types: set[str], direction: str = "out"
) -> list[ServiceNode]:
    ids = graph.flow.successors(node_id) if direction == "out" else graph.flow.predecessors(node_id)
    found = []
    for other in ids:
        if other == INTERNET:
            continue
        service = graph.architecture.node(other)
        if isinstance(service, ServiceNode) and service.type in types:
            found.append(service)
    return sorted(found, key=lambda s: s.id)


def single_points_of_failure(graph: ArchGraph) -> list[ServiceNode]:
    """Zonal services (one subnet, no extra subnets, not Multi-AZ) that other services depend on."""
    found = []
    for node in graph.architecture.services():
        placement = graph.placements[node.id]
        if len(set(placement.zones)) != 1 or node.properties.get("multi_az"):
            continue
        if any(pred != INTERNET for pred in graph.flow.predecessors(node.id)):
            found.append(node)
    return sorted(found, key=lambda s: s.id)


def ingress_rules(node: ServiceNode) -> list[dict[str, object]]:
    rules = node.properties.get("ingress") or []
    return [rule for rule in rules if isinstance(rule, dict)]


def rule_covers_port(rule: dict[str, object], port: int) -> bool:
    if rule.get("protocol") in ("-1", "all"):
        return True
    low, high = rule.get("from_port"), rule.get("to_port", rule.get("from_port"))
    if low is None:
        return False
    if low == -1:
        return True
    return int(low) <= port <= int(high if high is not None else low)  # type: ignore[call-overload]


def open_to_world(rule: dict[str, object]) -> bool:
    return rule.get("cidr") in ("0.0.0.0/0", "::/0")
