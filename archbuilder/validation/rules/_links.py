"""Small queries over drawn connections shared by some rule modules: who is linked to a service, and by what."""

from __future__ import annotations

from collections.abc import Iterable

from archbuilder.catalog import ConnectionKind
from archbuilder.graph import ArchGraph
from archbuilder.model import ServiceNode


def linked(
    graph: ArchGraph,
    node: ServiceNode,
    kinds: Iterable[ConnectionKind] | None = None,
    direction: str = "out",
) -> list[ServiceNode]:
    """The services joined to `node` by connections of `kinds` (all kinds when None), sorted by id.

    `direction` "out" follows connections the node starts, "in" those it receives, "both" either.
    """
    wanted = set(kinds) if kinds is not None else None
    found: dict[str, ServiceNode] = {}
    for connection in graph.connections_of(node.id):
        if wanted is not None and connection.kind not in wanted:
            continue
        if connection.source_id == node.id and direction in ("out", "both"):
            other_id = connection.target_id
        elif connection.target_id == node.id and direction in ("in", "both"):
            other_id = connection.source_id
        else:
            continue
        other = graph.architecture.nodes.get(other_id)
        if isinstance(other, ServiceNode):
            found[other.id] = other
    return [found[key] for key in sorted(found)]


def region_of(graph: ArchGraph, node: ServiceNode) -> str:
    """The region the service runs in: its enclosing region container, else the document's default region."""
    return graph.placements[node.id].region or graph.architecture.metadata.default_region


def count(value: object, default: int = 0) -> int:
    """A whole-number property read defensively: documents and imports may hold text or nothing."""
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
