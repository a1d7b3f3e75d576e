"""What the Architecture announces (its events) and what it hands back for undo (RemovedNodes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from psygnal import Signal, SignalGroup

from archbuilder.model.connections import Connection
from archbuilder.model.nodes import AnyNode


class ArchitectureEvents(SignalGroup):
    node_added = Signal(object)  # the node
    node_removed = Signal(object)  # the node (children are removed first, each with its own event)
    node_changed = Signal(object, str)  # the node, the field that changed (x/y moves say "position")
    node_reparented = Signal(object, object)  # the node, the previous parent id
    connection_added = Signal(object)
    connection_removed = Signal(object)
    connection_changed = Signal(object, str)
    document_changed = Signal(str)  # "metadata", "suppressions", "rule_settings", "template", "usage"


@dataclass
class RemovedNodes:
    """What `remove_node` took away, enough for `restore` to put it back exactly (undo)."""

    nodes: list[AnyNode]  # parents before children
    connections: list[Connection]
    # Services that lost extra subnets because those subnets were removed: id -> previous list.
    trimmed_extra_subnets: dict[str, list[str]] = field(default_factory=dict)
