"""Small queries over drawn connections shared by some rule modules: who is linked to a service, and by what.

They read `graph.connections_of` (an index built once per graph), so each call costs only the node's own
connections; callers pass kinds as module-level sets, not built per call.
"""

from __future__ import annotations

from collections.abc import Collection

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.graph.queries import services_of_type
from archbuilder.model import Connection, ServiceNode

_ATTACH = {ConnectionKind.ATTACH}


def _other_id(source_id: str, target_id: str, node_id: str, direction: str) -> str | None:
    if source_id == node_id and direction != "in":
        return target_id
    if target_id == node_id and direction != "out":
        return source_id
    return None


def linked(
    graph: ArchGraph,
    node: ServiceNode,
    kinds: Collection[ConnectionKind] | None = None,
    direction: str = "out",
) -> list[ServiceNode]:
    """The services joined to `node` by connections of `kinds` (all kinds when None), sorted by id.

    `direction` "out" follows connections the node starts, "in" those it receives, "both" either.
    """
    found: dict[str, ServiceNode] = {}
    for connection in graph.connections_of(node.id):
        if kinds is not None and connection.kind not in kinds:
            continue
        other_id = _other_id(connection.source_id, connection.target_id, node.id, direction)
        if other_id is None:
            continue
        other = graph.architecture.nodes.get(other_id)
        if isinstance(other, ServiceNode):
            found[other.id] = other
    return [found[key] for key in sorted(found)] if len(found) > 1 else list(found.values())


def has_link(
    graph: ArchGraph, node: ServiceNode, kinds: Collection[ConnectionKind], direction: str = "out"
) -> bool:
    """Whether any connection of `kinds` joins `node` in `direction` (cheaper than `linked` when only that matters)."""
    node_id = node.id
    return any(
        connection.kind in kinds
        and _other_id(connection.source_id, connection.target_id, node_id, direction) is not None
        for connection in graph.connections_of(node_id)
    )


def links_to_type(graph: ArchGraph, node: ServiceNode, types: Collection[str]) -> bool:
    """Whether `node` starts a connection to a service of one of `types` (an alarm to what acts on it, an SES
    identity to where its bounces go)."""
    return any(target.type in types for target in linked(graph, node))


def attached_outside(
    graph: ArchGraph, type_id: str, allowed: Collection[str]
) -> list[tuple[ServiceNode, ServiceNode]]:
    """Each service of `type_id` with each service attached to it (either way) whose type is not in `allowed`:
    what a protection (a WAF web ACL, Shield Advanced) is attached to but cannot cover."""
    return [
        (service, target)
        for service in services_of_type(graph, type_id)
        for target in linked(graph, service, _ATTACH, direction="both")
        if target.type not in allowed
    ]


def connections_by_kind(graph: ArchGraph) -> dict[ConnectionKind, list[Connection]]:
    """Every connection grouped by kind, in document order (computed once per graph; callers sort what they report).

    Rules about one rare kind (poll, attach...) then look at those connections only, instead of at every
    connection of every service of a type.
    """
    cached: dict[ConnectionKind, list[Connection]] | None = graph.memo.get("links:by_kind")
    if cached is None:
        cached = {}
        for connection in graph.architecture.connections.values():
            cached.setdefault(connection.kind, []).append(connection)
        graph.memo["links:by_kind"] = cached
    return cached


def region_of(graph: ArchGraph, node: ServiceNode) -> str:
    """The region the service runs in: its enclosing region container, else the document's default region."""
    return graph.placements[node.id].region or graph.architecture.metadata.default_region


def count(value: object, default: int = 0) -> int:
    """A whole-number property read defensively: documents and imports may hold text or nothing."""
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
