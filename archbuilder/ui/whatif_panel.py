"""What if the selected service were another: its alternatives with findings, lock-in and cost after a swap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archbuilder.compare.options import WhatIfOption, what_if
from archbuilder.compare.render import signed_money
from archbuilder.editor.document import Document
from archbuilder.model import ServiceNode
from archbuilder.model.usage import Scenario

COLUMNS = ["Alternative", "Lock-in", "Findings", "Low", "Expected", "High"]


class WhatIfPanel(QWidget):
    """Assessing alternatives swaps each on a copy and checks the whole design, so it runs when asked."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.options: list[WhatIfOption] = []
        self.title = QLabel("Select a service to see its alternatives.")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.assess_button = QPushButton("Assess alternatives")
        self.assess_button.clicked.connect(self.assess)
        self.swap_button = QPushButton("Swap")
        self.swap_button.setToolTip("Replace the service by the selected AWS alternative (one undo step)")
        self.swap_button.clicked.connect(self.swap_selected)
        self.table = QTreeWidget()
        self.table.setHeaderLabels(COLUMNS)
        self.table.setRootIsDecorated(False)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.detail = QLabel("")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assess_button)
        buttons.addWidget(self.swap_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        document.changed.connect(self._design_changed)
        self.show_node(None)

    def show_node(self, node_id: str | None) -> None:
        node = self.document.architecture.nodes.get(node_id or "")
        self.node_id = node.id if isinstance(node, ServiceNode) else None
        self.options = []
        self.table.clear()
        self.detail.setText("")
        if not isinstance(node, ServiceNode):
            self.title.setText("Select a service to see its alternatives.")
        else:
            self.title.setText(
                f"Alternatives to “{node.label}” ({self.document.catalog.get(node.type).name})"
            )
        self.assess_button.setEnabled(self.node_id is not None)
        self._update_buttons()

    def _design_changed(self) -> None:
        # The figures describe the design as it was; after any edit they are assessed again on request.
        if self.options:
            self.show_node(self.node_id)

    def assess(self) -> None:
        if self.node_id is None:
            return
        self.options = what_if(self.document.architecture, self.node_id)
        self.table.clear()
        for index, option in enumerate(self.options):
            item = QTreeWidgetItem(self._row(option, self._short(option)))
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            kind = "inside AWS" if option.kind == "aws" else option.kind.replace("_", " ")
            item.setToolTip(0, f"{option.name} ({kind}). {option.note}".strip())
            self.table.addTopLevelItem(item)
        self._update_buttons()

    def _short(self, option: WhatIfOption) -> str:
        return self.document.catalog.get(option.type_id).short_name if option.type_id else option.name

    @staticmethod
    def _row(option: WhatIfOption, name: str) -> list[str]:
        """Name, lock-in after, findings raised / resolved, and the monthly cost change in each scenario."""
        comparison = option.comparison
        lockin = "" if option.lockin_after is None else f"{option.lockin_after}/100"
        if comparison is None:
            return [name, lockin, "–", "–", "–", "–"]
        findings = f"+{len(comparison.raised)} / −{len(comparison.resolved)}"
        costs = [signed_money(comparison.cost_delta(scenario)) for scenario in Scenario]
        return [name, f"{lockin} ({comparison.lockin_delta:+d})", findings, *costs]

    def _selected(self) -> WhatIfOption | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return self.options[int(items[0].data(0, Qt.ItemDataRole.UserRole))]

    def _update_buttons(self) -> None:
        option = self._selected()
        self.swap_button.setEnabled(option is not None and option.swap is not None)
        if option is not None and option.comparison is not None:
            raised = "; ".join(f"{f.rule_id} {f.message}" for f in option.comparison.raised) or "none"
            resolved = "; ".join(f"{f.rule_id} {f.message}" for f in option.comparison.resolved) or "none"
            self.detail.setText(f"Raised: {raised}\nResolved: {resolved}\n{option.note}".strip())
        elif option is not None:
            self.detail.setText(option.note)

    def swap_selected(self) -> None:
        option = self._selected()
        if option is not None and option.swap is not None and self.node_id is not None:
            self.document.swap_service(self.node_id, option.type_id)
