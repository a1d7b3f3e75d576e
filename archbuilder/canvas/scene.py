"""The scene mirrors the document's Architecture (model events in, items out); gestures become
Document calls, never direct model edits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHelpEvent,
    QToolTip,
)

from archbuilder.canvas import tree
from archbuilder.canvas.annotations import AnnotationLayer
from archbuilder.canvas.captions import CAPTIONS_AT_ONCE, CaptionLayer
from archbuilder.canvas.editing import EditingScene, NodeItem
from archbuilder.canvas.interactions import (
    ConnectGesture,
    DocumentLike,
    KindChooser,
)
from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.container_item import ContainerItem, container_item
from archbuilder.canvas.items.finding_badge import FindingLike, plain_tooltip
from archbuilder.canvas.items.service_item import DETAIL_FULL, Anchor, ServiceItem
from archbuilder.canvas.items.span_item import SpanItem
from archbuilder.canvas.routes import ROUTES_AT_ONCE, RouteLayer, ride_along
from archbuilder.canvas.snapping import Snapper
from archbuilder.canvas.spans import SpanLayer
from archbuilder.gc_pause import cyclic_gc_paused
from archbuilder.model import Architecture, Connection, ServiceNode
from archbuilder.model.nodes import AnyNode

BSP_DEPTH = 10
BSP_AUTO_LIMIT = 2000
LABELS_AT_ONCE = 400  # a design with more services makes their label texts where the view shows them


class ArchitectureScene(EditingScene):
    selection_node_ids_changed = Signal(list)
    captions_wanted = Signal()  # captions were left to place where a view shows them

    def __init__(self, document: DocumentLike, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setBackgroundBrush(QColor("white"))
        self._nodes: dict[str, NodeItem] = {}
        self._connections: dict[str, ConnectionItem] = {}
        self._edges_of: dict[str, set[str]] = {}  # service id -> ids of its connections
        self._findings: dict[str, list[FindingLike]] = {}
        self._badged: set[str] = set()
        # Node id -> its monthly cost in words, for the service tooltips ("$41.23/month at expected usage").
        self.cost_texts: dict[str, str] = {}
        self._detail = DETAIL_FULL
        self._drag: dict[NodeItem, QPointF] | None = None
        self._drag_lead: NodeItem | None = None
        self._highlighted: ContainerItem | None = None
        self._clipboard: list[str] = []
        self._paste_count = 0
        self._emit_selection = True
        self._selected: set[Any] = set()
        self.connect_gesture = ConnectGesture(self)
        self.spans = SpanLayer(self)
        self.captions = CaptionLayer(self)
        self.routes = RouteLayer(self)
        self.annotations = AnnotationLayer(self)
        self._note_drag = {}
        self.snapper = Snapper(self)
        self.text_editor = None
        self._building = False
        self._defer_labels = False
        self._anchors: dict[ServiceItem, Anchor] = {}
        self._unlabelled: set[ServiceItem] = set()  # label texts not made yet (see realize_labels)
        self.kind_chooser: KindChooser | None = None  # the view installs a menu; tests install a function
        self.selectionChanged.connect(self._on_selection_changed)
        document.architecture_about_to_be_replaced.connect(self._disconnect_model)
        document.architecture_replaced.connect(self.rebuild)
        self.rebuild()

    # ------------------------------------------------------------------ public API (GUI contract)

    @property
    def architecture(self) -> Architecture:
        """The document's: the scene keeps no pointer of its own that could lag behind it."""
        return self.document.architecture

    def item_for(self, node_id: str) -> QGraphicsItem | None:
        return self._nodes.get(node_id) or self._connections.get(node_id)

    def connection_item(self, connection_id: str) -> ConnectionItem | None:
        return self._connections.get(connection_id)

    def node_items(self) -> Mapping[str, NodeItem]:
        return self._nodes

    def selected_node_ids(self) -> list[str]:
        return [
            item.node_id for item in self.selectedItems() if isinstance(item, ServiceItem | ContainerItem)
        ]

    def selected_connection_ids(self) -> list[str]:
        return [item.connection_id for item in self.selectedItems() if isinstance(item, ConnectionItem)]

    def select_all(self) -> None:
        """Every service, container and annotation (Ctrl+A)."""
        self.select_nodes(list(self._nodes))
        for item in self.annotations.items.values():
            item.setSelected(True)

    def select_nodes(self, ids: Sequence[str]) -> None:
        self._emit_selection = False
        try:
            self.clearSelection()
            for node_id in ids:
                item = self._nodes.get(node_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._emit_selection = True
        self._on_selection_changed()

    def set_findings(self, findings_by_node: Mapping[str, Sequence[FindingLike]]) -> None:
        """Badge every item with open (unsuppressed) findings; clear the badges of the others."""
        self._findings = {
            node_id: open_findings
            for node_id, findings in findings_by_node.items()
            if (open_findings := [f for f in findings if not f.suppressed])
        }
        for node_id in self._badged - set(self._findings):
            item = self._nodes.get(node_id)
            if item is not None:
                item.set_findings([])
        for node_id, findings in self._findings.items():
            item = self._nodes.get(node_id)
            if item is not None:
                item.set_findings(findings)
        self._badged = set(self._findings)

    def set_costs(self, texts: Mapping[str, str]) -> None:
        """Each service's cost for its tooltip; read when a tooltip is shown, so nothing is redrawn."""
        self.cost_texts = dict(texts)

    def nodes_rect(self, ids: Sequence[str] | None = None) -> QRectF:
        """Scene rect around the given nodes (all nodes when None)."""
        rect = QRectF()
        items = self._nodes.values() if ids is None else [self._nodes[i] for i in ids if i in self._nodes]
        for item in items:
            if item.parentItem() is None or ids is not None:
                rect = rect.united(item.sceneBoundingRect())
        if ids is None:
            for connection in self._connections.values():
                rect = rect.united(connection.sceneBoundingRect())
        return rect

    def span_items(self, service_id: str) -> list[SpanItem]:
        """The copies of a multi-subnet service drawn in its extra subnets."""
        return self.spans.items_of(service_id)

    def detail_level(self) -> int:
        return self._detail

    def set_detail_level(self, level: int) -> None:
        if level == self._detail:
            return
        self._detail = level
        for item in self._nodes.values():
            item.set_detail(level)
        for connection in self._connections.values():
            connection.set_detail(level)
        self.spans.set_detail(level)

    def containers_at(self, scene_pos: QPointF, exclude: set[QGraphicsItem]) -> list[ContainerItem]:
        """The nested containers under a point, innermost first (see archbuilder.canvas.tree)."""
        return tree.containers_at(self, scene_pos, exclude)

    def realize_labels(self, area: QRectF) -> int:
        """Make the label texts of the services in `area` that do not have them yet; returns how many."""
        if not self._unlabelled:
            return 0
        made = [item for item in tree.services_in(self, area) if not item.label_realized]
        for item in made:
            item.realize_label()
            self._unlabelled.discard(item)
        return len(made)

    def place_pending_captions(self, area: QRectF | None = None) -> int:
        """Place the captions routed while they were not shown (zoomed out, or while building), those whose
        line meets `area` (all when None); returns how many were placed. Only at full detail."""
        if self._detail != DETAIL_FULL:
            return 0
        return self.captions.place_pending(area, self._edges_of)

    def select_from_span(self, span: SpanItem, additive: bool) -> None:
        """A press on a span item selects the service it stands for (Ctrl/Shift toggles it)."""
        item = self._nodes.get(span.service_id)
        if item is None:
            return
        if additive:
            item.setSelected(not item.isSelected())
        else:
            self.clearSelection()
            item.setSelected(True)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Tooltips of services and connections are made when asked for: setting one on each of thousands of
        items cost a large part of building the scene."""
        for item in self.items(event.scenePos()):
            current: QGraphicsItem | None = item
            while current is not None:
                if current.toolTip():
                    super().helpEvent(event)
                    return
                text = getattr(current, "tooltip_text", None)
                if text is not None:
                    QToolTip.showText(event.screenPos(), plain_tooltip(text()), event.widget())
                    event.setAccepted(True)
                    return
                current = current.parentItem()
        super().helpEvent(event)

    # ------------------------------------------------------------------ building from the model

    def rebuild(self) -> None:
        # Building makes tens of thousands of long-lived objects; cyclic GC passes over the whole heap
        # meanwhile found nothing to free and took a third of the time on big designs.
        with cyclic_gc_paused():
            self._rebuild()

    def _rebuild(self) -> None:
        self.connect_gesture.cancel()
        self._disconnect_model()
        self.spans.clear()
        self.captions.clear()
        self.routes.clear()
        self.annotations.clear()
        self._unlabelled.clear()
        self.clear()
        self._nodes.clear()
        self._connections.clear()
        self._edges_of.clear()
        self._badged.clear()
        self._selected = set()
        self._drag = None
        self._highlighted = None
        architecture = self.architecture
        self._defer_labels = len(architecture.nodes) > LABELS_AT_ONCE
        pending: list[str | None] = [None]
        while pending:  # parents before children, whatever order the nodes were added in
            parent_id = pending.pop()
            for node in architecture.children(parent_id):
                self._add_node_item(node)
                if not isinstance(node, ServiceNode):
                    pending.append(node.id)
        self._defer_labels = False
        self.spans.build(architecture.services())
        self._building = True
        try:
            for connection in architecture.connections.values():
                self._add_connection_item(connection)
            if len(self.routes.pending) <= ROUTES_AT_ONCE:
                # Searched now, their captions still left for where the view looks (building: not shown).
                self.routes.route_pending(None, self._edges_of)
        finally:
            self._building = False
            self._anchors.clear()
        self.annotations.build()
        if len(self.captions.pending) <= CAPTIONS_AT_ONCE and not self.routes.pending:
            self.place_pending_captions()
        else:
            self.captions_wanted.emit()
        self._connect_model()
        self.set_findings({k: v for k, v in self._findings.items() if k in self._nodes})
        # Top-level items only (all else lies inside them, or strays a little): itemsBoundingRect visits
        # every item of a big design.
        rect = QRectF()
        for node in architecture.children(None):
            top = self._nodes.get(node.id)
            if top is not None:
                rect = rect.united(top.sceneBoundingRect())
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
        # Qt's automatic BSP depth for big scenes (15 at 5,000 services) makes every re-routed long
        # connection touch thousands of leaves; 10 keeps moves cheap at the same hit-test speed (bench/).
        self.setBspTreeDepth(BSP_DEPTH if len(self._nodes) + len(self._connections) > BSP_AUTO_LIMIT else 0)

    def _model_handlers(self) -> list[tuple[Any, Any]]:
        events = self.document.architecture.events
        return [
            (events.node_added, self._on_node_added),
            (events.node_removed, self._on_node_removed),
            (events.node_changed, self._on_node_changed),
            (events.node_reparented, self._on_node_reparented),
            (events.connection_added, self._add_connection_item),
            (events.connection_removed, self._on_connection_removed),
            (events.connection_changed, self._on_connection_changed),
            *self.annotations.handlers(),
        ]

    def _connect_model(self) -> None:
        for signal, handler in self._model_handlers():
            signal.connect(handler)

    def _disconnect_model(self) -> None:
        """Stop following the document's architecture (before it is replaced, or rebuilt from)."""
        for signal, handler in self._model_handlers():
            signal.disconnect(handler, missing_ok=True)

    def _add_node_item(self, node: AnyNode) -> NodeItem:
        item: NodeItem
        if isinstance(node, ServiceNode):
            item = ServiceItem(node, self.architecture.catalog, defer_label=self._defer_labels)
            if self._defer_labels:
                self._unlabelled.add(item)
        else:
            item = container_item(node)
        if self._detail != DETAIL_FULL:
            item.set_detail(self._detail)
        parent = self._nodes.get(node.parent_id) if node.parent_id is not None else None
        if parent is not None:
            item.setParentItem(parent)
        else:
            self.addItem(item)
        self._nodes[node.id] = item
        findings = self._findings.get(node.id)
        if findings:
            item.set_findings(findings)
            self._badged.add(node.id)
        return item

    def _add_connection_item(self, connection: Connection) -> None:
        item = ConnectionItem(connection)
        if self._detail != DETAIL_FULL:
            item.set_detail(self._detail)
        self._connections[connection.id] = item
        self._edges_of.setdefault(connection.source_id, set()).add(connection.id)
        self._edges_of.setdefault(connection.target_id, set()).add(connection.id)
        self._route(item)  # before it joins the scene: the index then files it once, at its final place
        self.addItem(item)

    def shown_area(self) -> QRectF:
        """The part of the scene the views show (their union's bounding rect)."""
        area = QRectF()
        for view in self.views():
            area = area.united(view.mapToScene(view.viewport().rect()).boundingRect())
        return area

    def _anchor(self, item: ServiceItem) -> Anchor:
        """Where connections attach to a service; remembered while building (nothing moves then)."""
        if not self._building:
            return item.anchor_scene()
        anchor = self._anchors.get(item)
        if anchor is None:
            anchor = self._anchors[item] = item.anchor_scene()
        return anchor

    def _route(self, item: ConnectionItem, shown: QRectF | None = None) -> None:
        self.route_connection(item, shown=shown)

    def route_connection(
        self, item: ConnectionItem, *, full: bool | None = None, shown: QRectF | None = None
    ) -> None:
        """Route a connection: searched around what lies between (`full`, by default unless building or
        dragging), else on a quick route left pending (archbuilder.canvas.routes); then its caption."""
        source, target = self._nodes.get(item.source_id), self._nodes.get(item.target_id)
        if not (isinstance(source, ServiceItem) and isinstance(target, ServiceItem)):
            return
        if full is None:
            full = not self._building and not self._drag
        points = self.routes.route(item, self._anchor(source), self._anchor(target), full=full)
        item.set_route(points, shown)
        shown_now = not self._building and self._detail == DETAIL_FULL
        for routed in [item, *self.routes.take_spread()]:  # and those spread apart from it
            self.captions.routed(routed, shown=shown_now, dragging=bool(self._drag))

    def route_pending(self, area: QRectF | None = None) -> int:
        """Search the quick routes left pending (big designs, drags) of connections with an end in `area`."""
        return self.routes.route_pending(area, self._edges_of)

    # ------------------------------------------------------------------ model events

    def _on_node_added(self, node: AnyNode) -> None:
        self._add_node_item(node)
        if isinstance(node, ServiceNode):
            if node.extra_subnet_ids:
                self.spans.sync(node.id)
            if self.spans.hosts(node.parent_id):
                self.spans.layout_subnets([node.parent_id or ""])
        else:
            self.spans.container_added(node.id)

    def _on_node_removed(self, node: AnyNode) -> None:
        removed = self._nodes.get(node.id)
        if isinstance(removed, ServiceItem):
            self._unlabelled.discard(removed)
        if isinstance(node, ServiceNode):
            self.spans.service_removed(node.id, node.parent_id)
        else:
            self.spans.container_removed(node.id)
        item = self._nodes.pop(node.id, None)
        self._badged.discard(node.id)
        if item is None:
            return
        if self._drag is not None:
            self._drag.pop(item, None)
        if self._highlighted is item:
            self._highlighted = None
        self.removeItem(item)

    def _on_node_changed(self, node: AnyNode, field: str) -> None:
        item = self._nodes.get(node.id)
        if item is None:
            return
        if field == "position":
            if item.pos() != QPointF(node.x, node.y):
                item.setPos(node.x, node.y)
                self.on_item_moved(item)
        elif isinstance(item, ServiceItem) and isinstance(node, ServiceNode):
            if field == "label":
                item.set_label(node.label)
                self.spans.label_changed(node)
            elif field == "extra_subnet_ids":
                self.spans.sync(node.id)
        elif isinstance(item, ContainerItem):
            item.update_from(node)
            if field == "size" and self.spans.hosts(node.id):
                self.spans.layout_subnets([node.id])

    def _on_node_reparented(self, node: AnyNode, previous_parent_id: str | None) -> None:
        item = self._nodes.get(node.id)
        if item is None:
            return
        parent = self._nodes.get(node.parent_id) if node.parent_id is not None else None
        item.setParentItem(parent)  # type: ignore[arg-type]  # None makes it top-level
        item.setPos(node.x, node.y)
        self.on_item_moved(item)
        if isinstance(node, ServiceNode):
            self.spans.sync(node.id)  # reparenting may drop extra subnets
            if self.spans.hosts(previous_parent_id):
                self.spans.layout_subnets([previous_parent_id or ""])

    def _on_connection_removed(self, connection: Connection) -> None:
        item = self._connections.pop(connection.id, None)
        if item is not None:
            self.captions.removed(item)
            self.routes.removed(item)
        for end in (connection.source_id, connection.target_id):
            self._edges_of.get(end, set()).discard(connection.id)
        if item is not None:
            self.removeItem(item)

    def _on_connection_changed(self, connection: Connection, field: str) -> None:
        item = self._connections.get(connection.id)
        if item is not None:
            item.update_from(connection)
            self._route(item)

    def on_item_moved(self, item: NodeItem) -> None:
        """An item moved (drag or model): re-route the connections of it and of the services inside it;
        span items follow the row of their service and make room for what moved into their subnet."""
        if isinstance(item, ServiceItem):
            parent = item.parentItem()
            self.spans.service_moved(item.node_id, getattr(parent, "node_id", None))
        else:
            self.spans.layout_all()
        if self.annotations.items:
            moved = {item.node_id} | {n.id for n in self.architecture.descendants(item.node_id)}
            self.annotations.node_moved(moved)
        if not self._connections:
            return
        if isinstance(item, ServiceItem):
            ids = self._edges_of.get(item.node_id, ())
        else:
            inside = {node.id for node in self.architecture.descendants(item.node_id)}
            ids = {cid for node_id in inside for cid in self._edges_of.get(node_id, ())}
            if self._drag and item in self._drag:  # what it holds at both ends moves whole, not re-routed
                ids = ride_along(self._connections, ids, inside, item.pos() - self._drag[item])
        shown = self.shown_area() if len(ids) > 1 else None
        # Many at once (a big container moved by undo): quick routes now, searched where the view looks.
        full = not self._drag and len(ids) <= ROUTES_AT_ONCE
        for connection_id in ids:
            self.route_connection(self._connections[connection_id], full=full, shown=shown)
        if not full and not self._drag:
            self.route_pending(shown or self.shown_area())

    def _on_selection_changed(self) -> None:
        selected = set(self.selectedItems())
        for item in selected ^ self._selected:
            # Items of a replaced document (New, Open) are already deleted on the C++ side.
            if shiboken6.isValid(item) and item.scene() is self and hasattr(item, "on_selected_changed"):
                item.on_selected_changed(item in selected)
                if isinstance(item, ServiceItem):
                    self.spans.highlight(item.node_id, item in selected)
        self._selected = selected
        if self._emit_selection:
            self.selection_node_ids_changed.emit(self.selected_node_ids())
