"""Presentation mode: the design full screen with the review's callouts; the arrow keys step through the findings
by priority or by pillar, each step centring and ringing its services and showing the finding large; a layer
toggle shows the network, the data or the security services alone."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from archbuilder.canvas import styles
from archbuilder.canvas.items.service_item import ICON_TOP, ServiceItem
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.editor.document import Document
from archbuilder.exporters.diagram.callouts import slots
from archbuilder.exporters.report.gather import Review, gather, service_label
from archbuilder.exporters.report.priorities import PILLAR, PRIORITY, RISK_TITLES, presentation_order
from archbuilder.model.nodes import SERVICE_WIDTH
from archbuilder.ui.presentation_items import CALLOUT_RADIUS, CalloutItem, HaloItem
from archbuilder.ui.rich_text import citation_link, plain
from archbuilder.validation import Finding

# Which catalog categories each layer shows; containers (region, VPC, AZ, subnets) always show.
LAYERS: dict[str, frozenset[str] | None] = {
    "All": None,
    "Network": frozenset({"networking", "content_delivery"}),
    "Data": frozenset({"database", "storage", "analytics"}),
    "Security": frozenset({"security"}),
}
ORDERS = {"By priority": PRIORITY, "By pillar": PILLAR}
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp}
LAYER_KEYS = {Qt.Key.Key_1: "All", Qt.Key.Key_2: "Network", Qt.Key.Key_3: "Data", Qt.Key.Key_4: "Security"}
HINT = "← → step · P priority · G pillar · 1 all · 2 network · 3 data · 4 security · Esc leave"


def icon_corner(item: ServiceItem) -> QPointF:
    """The top-right corner of a service's icon, in the item's coordinates: where its callouts sit."""
    return QPointF((SERVICE_WIDTH + styles.ICON_SIZE) / 2, ICON_TOP)


class PresentationWindow(QWidget):
    step_changed = Signal(int)  # the step on screen; -1 is the overview

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # Closing deletes the window and its scene, which stops following the document.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{document.architecture.metadata.name} — review")
        self.document = document
        self.review: Review = gather(document.architecture, with_diagram=False)
        self.scene = ArchitectureScene(document)
        self.view = ArchitectureView(self.scene)
        self.view.setInteractive(False)  # presenting, not editing
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for policy in (self.view.setHorizontalScrollBarPolicy, self.view.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.order = PRIORITY
        self.layer = "All"
        self.index = -1
        self.halos: list[HaloItem] = []
        self.callouts = self._add_callouts()
        self.card = QLabel()
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setWordWrap(True)
        self.card.setOpenExternalLinks(True)
        self.card.setStyleSheet("background: #232f3e; color: white; padding: 18px; font-size: 20px;")
        self._build_layout()
        self.show_step(-1)

    def _build_layout(self) -> None:
        self.order_box = QComboBox()
        self.order_box.addItems(list(ORDERS))
        self.order_box.currentTextChanged.connect(lambda text: self.set_order(ORDERS[text]))
        self.layer_box = QComboBox()
        self.layer_box.addItems(list(LAYERS))
        self.layer_box.currentTextChanged.connect(self.set_layer)
        for box in (self.order_box, self.layer_box):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys step, they never change a box
        title = QLabel(f"<b>{escape(self.review.title)}</b>")
        title.setStyleSheet("font-size: 18px;")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(QLabel(HINT))
        bar.addWidget(self.order_box)
        bar.addWidget(QLabel("Layer"))
        bar.addWidget(self.layer_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.card)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _add_callouts(self) -> dict[str, list[CalloutItem]]:
        """The top actions' numbers at the top-right corner of their services, in reading order, placed by the
        same slots as the report's diagram (along the top edge, then down the right edge)."""
        placed: dict[str, list[CalloutItem]] = {}
        items = self.scene.node_items()
        for action in self.review.top_actions:
            for node_id in action.node_ids:
                if node_id in items:
                    callout = CalloutItem(action.number, action.risk)
                    self.scene.addItem(callout)
                    placed.setdefault(node_id, []).append(callout)
        step = 2.3 * CALLOUT_RADIUS
        for node_id, marks in placed.items():
            item = items[node_id]
            corner = (
                item.mapToScene(icon_corner(item))
                if isinstance(item, ServiceItem)
                else item.sceneBoundingRect().topRight()
            )
            for (across, down), mark in zip(slots(len(marks)), marks, strict=True):
                mark.setPos(corner.x() - across * step, corner.y() + down * step)
        return placed

    # ------------------------------------------------------------------ steps

    def steps(self) -> list[Finding]:
        return presentation_order(self.review.actions, self.order)

    def set_order(self, order: str) -> None:
        """Priority or pillar order; the finding on screen stays on screen."""
        current = self.current()
        self.order = order
        self.order_box.setCurrentText(next(k for k, v in ORDERS.items() if v == order))
        self.show_step(self.steps().index(current) if current is not None else -1)

    def current(self) -> Finding | None:
        steps = self.steps()
        return steps[self.index] if 0 <= self.index < len(steps) else None

    def show_step(self, index: int) -> None:
        steps = self.steps()
        self.index = max(-1, min(index, len(steps) - 1))
        for halo in self.halos:
            self.scene.removeItem(halo)
        self.halos = []
        finding = self.current()
        if finding is None:
            self.view.fit_all()
            self.card.setText(self._overview())
        else:
            items = self.scene.node_items()
            for node_id in finding.node_ids:
                if node_id in items:
                    halo = HaloItem(items[node_id].sceneBoundingRect())
                    self.scene.addItem(halo)
                    self.halos.append(halo)
            if self.halos:
                self.view.fit_rect(
                    self.scene.nodes_rect(list(finding.node_ids)).adjusted(-160, -120, 160, 120)
                )
            else:
                self.view.fit_all()
            self.card.setText(self._card(finding, len(steps)))
        self.step_changed.emit(self.index)

    def _overview(self) -> str:
        summary = self.review.summary
        return (
            f"<p style='font-size:26px'><b>{plain(self.review.title)}</b></p><p>{plain(summary.at_risk)}</p>"
            f"<p style='color:#c8ced3'>{len(self.steps())} findings · press → to step through them</p>"
        )

    def _card(self, finding: Finding, total: int) -> str:
        action = self.review.action_of(finding)
        mark = f"callout {action.number} · " if action is not None else ""
        where = service_label(self.document.architecture, finding.node_ids)
        return (
            f"<p style='color:#c8ced3'>{self.index + 1} of {total} · {mark}{RISK_TITLES[finding.severity]} · "
            f"{plain(finding.pillar.heading)} · {plain(finding.rule_id)}</p>"
            f"<p style='font-size:30px'><b>{plain(finding.message)}</b></p>"
            f"<p style='font-size:22px'>Fix: {plain(finding.remediation)}</p>"
            f"<p>Services: {plain(where)} · Source: {citation_link(finding.source)}</p>"
        )

    # ------------------------------------------------------------------ layers

    def set_layer(self, layer: str) -> None:
        """Show only the services of a layer (and every container); connections show when both ends do."""
        self.layer = layer
        self.layer_box.setCurrentText(layer)
        categories = LAYERS[layer]
        catalog = self.document.architecture.catalog
        shown: set[str] = set()
        for node_id, item in self.scene.node_items().items():
            if isinstance(item, ServiceItem):
                node = self.document.architecture.service(node_id)
                visible = categories is None or catalog.get(node.type).category.value in categories
                item.setVisible(visible)
                for callout in self.callouts.get(node_id, []):
                    callout.setVisible(visible)
                if visible:
                    shown.add(node_id)
            else:
                shown.add(node_id)
        for connection in self.document.architecture.connections.values():
            line = self.scene.connection_item(connection.id)
            if line is not None:
                line.setVisible(connection.source_id in shown and connection.target_id in shown)

    def visible_services(self) -> list[str]:
        return sorted(
            node_id
            for node_id, item in self.scene.node_items().items()
            if isinstance(item, ServiceItem) and item.isVisible()
        )

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.show_step(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.show_step(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_step(-1)
        elif key == Qt.Key.Key_P:
            self.set_order(PRIORITY)
        elif key == Qt.Key.Key_G:
            self.set_order(PILLAR)
        elif key in LAYER_KEYS:
            self.set_layer(LAYER_KEYS[Qt.Key(key)])
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
