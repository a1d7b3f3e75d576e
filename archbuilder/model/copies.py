"""Copies of services and containers (with everything inside them) under fresh ids, for duplicate and paste."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archbuilder.model.invariants import validated
from archbuilder.model.nodes import AnyNode, ServiceNode

if TYPE_CHECKING:
    from archbuilder.model.architecture import Architecture


@dataclass(frozen=True)
class Copies:
    roots: list[str]  # the outermost nodes copied (a node inside another copied one comes with it)
    mapping: dict[str, str]  # original id -> id of its copy
    nodes: list[AnyNode]  # the copies, parents before children

    @property
    def root_copies(self) -> list[str]:
        return [self.mapping[root] for root in self.roots]


def copies_of(architecture: Architecture, node_ids: Iterable[str], dx: float, dy: float) -> Copies:
    """Copies of the nodes and their contents: the outermost ones `dx, dy` from their originals and labelled
    "… copy", the others at their place in the copied container. Extra subnets inside the copy point at the
    copied subnets; those outside it stay."""
    chosen = [i for i in node_ids if i in architecture.nodes]
    selected = set(chosen)
    roots = [i for i in chosen if not {a.id for a in architecture.ancestors(i)} & selected]
    mapping = _fresh_ids(architecture, roots)
    nodes: list[AnyNode] = []
    for root in roots:
        for node in [architecture.node(root), *architecture.descendants(root)]:
            update: dict[str, Any] = {"id": mapping[node.id]}
            if node.id == root:
                update.update(x=node.x + dx, y=node.y + dy, label=f"{node.label} copy")
            else:
                update["parent_id"] = mapping[node.parent_id or ""]
            if isinstance(node, ServiceNode):
                update["extra_subnet_ids"] = [mapping.get(s, s) for s in node.extra_subnet_ids]
            nodes.append(validated(node, **update))
    return Copies(roots, mapping, nodes)


def _fresh_ids(architecture: Architecture, roots: list[str]) -> dict[str, str]:
    """An unused id for every node of the copied subtrees, made from its label."""
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for root in roots:
        for node in [architecture.node(root), *architecture.descendants(root)]:
            new_id = architecture.new_id(node.label)
            while new_id in taken:
                new_id = f"{new_id}-c"
            taken.add(new_id)
            mapping[node.id] = new_id
    return mapping
