"""Named undo commands: each is one transaction of the Document over the model, made all-or-nothing by
`apply`, taken back exactly by `revert`. Typing into one field merges into one step."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from PySide6.QtGui import QUndoCommand

from archbuilder.catalog import ConnectionKind
from archbuilder.model import (
    AnyNode,
    Architecture,
    Connection,
    InvariantError,
    RemovedNodes,
    ServiceNode,
    Suppression,
)
from archbuilder.model.bends import BendFollower
from archbuilder.model.new_nodes import Growth

Position = tuple[float, float]
Reparent = tuple[str, str | None, float, float]  # node id, new parent id (None: the canvas), x, y in it


class Steps:
    """Model calls made in order, each with the call that takes it back. When one is refused, those already
    made are taken back in reverse, so a transaction changes everything or nothing."""

    def __init__(self) -> None:
        self._taken_back: list[Callable[[], object]] = []

    def run(self, do: Callable[[], object], undo: Callable[[], object]) -> None:
        do()
        self._taken_back.append(undo)

    def rollback(self) -> None:
        for undo in reversed(self._taken_back):
            with contextlib.suppress(InvariantError, KeyError, ValueError):
                undo()
        self._taken_back.clear()


class DocumentCommand(QUndoCommand):
    """A transaction of the document. The Document runs `apply` before pushing the command (a refusal raises
    InvariantError with the model untouched and pushes nothing), so the `redo` that QUndoStack.push makes is
    skipped. `notify` runs after every later redo and undo: the Document's one `changed` signal."""

    merge_id = -1  # commands with an id of their own merge consecutive typing into one step

    def __init__(self, architecture: Architecture, text: str) -> None:
        super().__init__(text)
        self.architecture = architecture
        self.notify: Callable[[], None] = _nothing
        self.applied_before_push = False

    def apply(self) -> None:
        steps = Steps()
        try:
            self.steps(steps)
        except InvariantError:
            steps.rollback()
            raise

    def steps(self, steps: Steps) -> None:
        """The model calls of this transaction, each with the one taking it back."""
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def id(self) -> int:
        return self.merge_id

    def redo(self) -> None:
        if self.applied_before_push:
            self.applied_before_push = False
            return
        self.apply()
        self.notify()

    def undo(self) -> None:
        self.revert()
        self.notify()


def _nothing() -> None:
    """What a command notifies before the Document takes it."""


# ---------------------------------------------------------------------- adding, moving, removing


class AddNodesCommand(DocumentCommand):
    """Adds fully built nodes (parents first) and grows the containers around them to hold them."""

    def __init__(
        self, architecture: Architecture, text: str, nodes: Sequence[AnyNode], grown: Growth
    ) -> None:
        super().__init__(architecture, text)
        self.nodes = list(nodes)
        self.grown = dict(grown)

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        for node in self.nodes:
            steps.run(partial(arch.add_node, node), partial(arch.remove_node, node.id))
        for container_id, (old, new) in self.grown.items():
            steps.run(
                partial(arch.resize_container, container_id, *new),
                partial(arch.resize_container, container_id, *old),
            )

    def revert(self) -> None:
        arch = self.architecture
        for container_id, (old, _new) in self.grown.items():
            arch.resize_container(container_id, *old)
        for node in reversed(self.nodes):  # children first: removing a container would take them along
            if node.id in arch.nodes:
                arch.remove_node(node.id)


class MoveItemsCommand(DocumentCommand):
    """One drag: nodes moved within their containers and nodes moved into other containers. The bends of the
    connections whose ends moved follow them (model/bends.py)."""

    def __init__(
        self,
        architecture: Architecture,
        text: str,
        moves: Mapping[str, Position],
        reparents: Sequence[Reparent],
    ) -> None:
        super().__init__(architecture, text)
        self.moves = dict(moves)
        self.reparents = list(reparents)
        self.positions_before = {i: (architecture.node(i).x, architecture.node(i).y) for i in self.moves}
        self.places_before: dict[str, tuple[str | None, float, float, list[str] | None]] = {}
        for node_id, *_ in self.reparents:
            node = architecture.node(node_id)
            extras = list(node.extra_subnet_ids) if isinstance(node, ServiceNode) else None
            self.places_before[node_id] = (node.parent_id, node.x, node.y, extras)
        self.bends = BendFollower(architecture, [*self.moves, *(r[0] for r in self.reparents)])

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        for node_id, parent_id, x, y in self.reparents:
            steps.run(partial(arch.reparent_node, node_id, parent_id, x, y), partial(self._put_back, node_id))
        for node_id, (x, y) in self.moves.items():
            steps.run(
                partial(arch.move_node, node_id, x, y),
                partial(arch.move_node, node_id, *self.positions_before[node_id]),
            )
        for connection_id, bends in self.bends.after().items():
            steps.run(
                partial(arch.update_connection, connection_id, "bends", bends),
                partial(arch.update_connection, connection_id, "bends", self.bends.bends[connection_id]),
            )

    def _put_back(self, node_id: str) -> None:
        parent_id, x, y, extras = self.places_before[node_id]
        self.architecture.reparent_node(node_id, parent_id, x, y, extra_subnet_ids=extras)

    def revert(self) -> None:
        for node_id in reversed(self.moves):
            self.architecture.move_node(node_id, *self.positions_before[node_id])
        for node_id, *_ in reversed(self.reparents):
            self._put_back(node_id)
        for connection_id, bends in self.bends.bends.items():
            if self.architecture.connection(connection_id).bends != bends:
                self.architecture.update_connection(connection_id, "bends", bends)


class ResizeContainerCommand(DocumentCommand):
    def __init__(self, architecture: Architecture, node_id: str, width: float, height: float) -> None:
        node = architecture.node(node_id)
        super().__init__(architecture, f"Resize {node.label}")
        self.node_id = node_id
        self.size = (width, height)
        self.size_before = (getattr(node, "width", 0.0), getattr(node, "height", 0.0))

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        steps.run(
            lambda: arch.resize_container(self.node_id, *self.size),
            lambda: arch.resize_container(self.node_id, *self.size_before),
        )

    def revert(self) -> None:
        self.architecture.resize_container(self.node_id, *self.size_before)


class ArrangeCommand(DocumentCommand):
    """The automatic layout as one step: every node's new place, and every container's new size."""

    def __init__(
        self,
        architecture: Architecture,
        places: Mapping[str, Position],
        sizes: Mapping[str, tuple[float, float]],
    ) -> None:
        super().__init__(architecture, "Arrange")
        self.places = dict(places)
        self.sizes = dict(sizes)
        self.places_before = {i: (architecture.node(i).x, architecture.node(i).y) for i in self.places}
        self.sizes_before = {
            i: (getattr(architecture.node(i), "width", 0.0), getattr(architecture.node(i), "height", 0.0))
            for i in self.sizes
        }

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        for node_id, size in self.sizes.items():
            steps.run(
                partial(arch.resize_container, node_id, *size),
                partial(arch.resize_container, node_id, *self.sizes_before[node_id]),
            )
        for node_id, place in self.places.items():
            steps.run(
                partial(arch.move_node, node_id, *place),
                partial(arch.move_node, node_id, *self.places_before[node_id]),
            )

    def revert(self) -> None:
        for node_id in reversed(self.places):
            self.architecture.move_node(node_id, *self.places_before[node_id])
        for node_id in reversed(self.sizes):
            self.architecture.resize_container(node_id, *self.sizes_before[node_id])


class RemoveItemsCommand(DocumentCommand):
    """Deletes connections and nodes (with everything inside them and every connection touching them)."""

    def __init__(
        self, architecture: Architecture, text: str, node_ids: Sequence[str], connection_ids: Sequence[str]
    ) -> None:
        super().__init__(architecture, text)
        self.node_ids = list(node_ids)
        self.connection_ids = list(connection_ids)
        self.removed_connections: list[Connection] = []
        self.removed_nodes: list[RemovedNodes] = []

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        self.removed_connections.clear()
        self.removed_nodes.clear()
        for connection_id in self.connection_ids:
            if connection_id in arch.connections:  # a connection of a deleted node goes with it
                steps.run(partial(self._disconnect, connection_id), self._connect_last_back)
        for node_id in self.node_ids:
            if node_id in arch.nodes:  # a node inside a deleted container goes with it
                steps.run(partial(self._remove, node_id), self._restore_last)

    def _disconnect(self, connection_id: str) -> None:
        self.removed_connections.append(self.architecture.disconnect(connection_id))

    def _connect_last_back(self) -> None:
        self.architecture.add_connection(self.removed_connections.pop())

    def _remove(self, node_id: str) -> None:
        self.removed_nodes.append(self.architecture.remove_node(node_id))

    def _restore_last(self) -> None:
        self.architecture.restore(self.removed_nodes.pop())

    def revert(self) -> None:
        while self.removed_nodes:
            self._restore_last()
        while self.removed_connections:
            self._connect_last_back()


class ConnectCommand(DocumentCommand):
    def __init__(
        self,
        architecture: Architecture,
        text: str,
        connection_id: str,
        ends: tuple[str, str],
        kind: ConnectionKind,
        port: int | None,
    ) -> None:
        super().__init__(architecture, text)
        self.connection_id = connection_id
        self.ends = ends
        self.kind = kind
        self.port = port

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        steps.run(
            lambda: arch.connect(*self.ends, self.kind, port=self.port, connection_id=self.connection_id),
            lambda: arch.disconnect(self.connection_id),
        )

    def revert(self) -> None:
        self.architecture.disconnect(self.connection_id)


# ---------------------------------------------------------------------- setting values


class SetValueCommand(DocumentCommand):
    """Sets one value (`key` names what it belongs to) from `old` to `new` with one model method. While the
    user types (`typing`), consecutive edits of the same value merge into one step; typing back to the old
    value leaves no step at all."""

    def __init__(
        self, architecture: Architecture, text: str, key: tuple[str, ...], old: Any, new: Any, typing: bool
    ) -> None:
        super().__init__(architecture, text)
        self.key = key
        self.old = old
        self.new = new
        self.typing = typing

    def set(self, value: Any) -> None:
        raise NotImplementedError

    def steps(self, steps: Steps) -> None:
        steps.run(lambda: self.set(self.new), lambda: self.set(self.old))

    def revert(self) -> None:
        self.set(self.old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, SetValueCommand)
            and type(other) is type(self)
            and other.key == self.key
            and self.typing
            and other.typing
        ):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class SetPinnedCommand(SetValueCommand):
    """Whether the automatic layout keeps a node where it is (key: the node id)."""

    def set(self, value: Any) -> None:
        self.architecture.set_pinned(self.key[0], bool(value))


class SetBendsCommand(SetValueCommand):
    """The bend points of a connection's route, relative to its frame (key: the connection id)."""

    def set(self, value: Any) -> None:
        self.architecture.update_connection(self.key[0], "bends", value)


class SetPropertyCommand(SetValueCommand):
    merge_id = 1

    def set(self, value: Any) -> None:
        # Putting back the value a node had is always allowed: an import may have kept one outside the
        # catalog's bounds as the template wrote it. A new value is checked.
        self.architecture.set_property(self.key[0], self.key[1], value, as_written=value is self.old)


class SetLabelCommand(SetValueCommand):
    merge_id = 2

    def set(self, value: Any) -> None:
        self.architecture.set_label(self.key[0], value)


class SetContainerFieldCommand(SetValueCommand):
    merge_id = 3

    def set(self, value: Any) -> None:
        self.architecture.set_container_field(self.key[0], self.key[1], value)


class SetMetadataCommand(SetValueCommand):
    merge_id = 4

    def set(self, value: Any) -> None:
        self.architecture.set_metadata(self.key[0], value)


class SetExtraSubnetsCommand(SetValueCommand):
    def set(self, value: Any) -> None:
        self.architecture.set_extra_subnets(self.key[0], list(value))


class SuppressCommand(DocumentCommand):
    def __init__(self, architecture: Architecture, suppression: Suppression) -> None:
        super().__init__(architecture, f"Suppress {suppression.rule_id}")
        self.suppression = suppression

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        steps.run(
            lambda: arch.add_suppression(self.suppression), lambda: arch.remove_suppression(self.suppression)
        )

    def revert(self) -> None:
        self.architecture.remove_suppression(self.suppression)


class SetUsageCommand(SetValueCommand):
    """A service's usage assumptions (all scenarios at once: the value is the node's whole ScenarioUsage)."""

    merge_id = 5

    def set(self, value: Any) -> None:
        self.architecture.set_usage(self.key[0], value)


class SetDesignUsageCommand(SetValueCommand):
    """The design's own usage presets per service type (the value is the whole DesignUsage)."""

    merge_id = 6

    def set(self, value: Any) -> None:
        self.architecture.set_design_usage(value)


class SwapServiceCommand(DocumentCommand):
    """A service replaced by one of another type (a what-if applied): the new node, built on a copy of the
    design, takes the old one's place with the connections it accepts; undo puts the old node and all its
    connections back."""

    def __init__(
        self, architecture: Architecture, text: str, new_node: ServiceNode, connections: Sequence[Connection]
    ) -> None:
        super().__init__(architecture, text)
        self.new_node = new_node
        self.connections = list(connections)
        self.removed: RemovedNodes | None = None

    def steps(self, steps: Steps) -> None:
        arch = self.architecture
        steps.run(self._remove_old, self._restore_old)
        steps.run(partial(arch.add_node, self.new_node.model_copy(deep=True)), self._remove_new)
        for connection in self.connections:
            steps.run(
                partial(arch.add_connection, connection.model_copy()),
                partial(arch.disconnect, connection.id),
            )

    def _remove_old(self) -> None:
        self.removed = self.architecture.remove_node(self.new_node.id)

    def _restore_old(self) -> None:
        assert self.removed is not None
        self.architecture.restore(self.removed)

    def _remove_new(self) -> None:
        self.architecture.remove_node(self.new_node.id)

    def revert(self) -> None:
        self._remove_new()  # takes its connections along
        self._restore_old()
