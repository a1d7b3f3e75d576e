"""The design's monthly cost: total, per tier, per service and dimension, at the chosen usage scenario."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archbuilder.cost.estimate import TIERS, CostEstimate, CostLine
from archbuilder.cost.formats import money, unconfirmed_caveat
from archbuilder.model import Architecture
from archbuilder.model.usage import Scenario


class CostPanel(QWidget):
    scenario_changed = Signal(object)  # Scenario
    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario_box = QComboBox()
        self.scenario_box.addItems([f"{scenario.value} usage" for scenario in Scenario])
        self.scenario_box.setCurrentIndex(list(Scenario).index(Scenario.EXPECTED))
        self.scenario_box.currentIndexChanged.connect(self._scenario_picked)
        self.total = QLabel("Cost: –")
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Tier / service / dimension", "Quantity", "$/month"])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the amounts always stay in view
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.total, 1)
        top.addWidget(self.scenario_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.notes)
        self.estimate: CostEstimate | None = None

    @property
    def scenario(self) -> Scenario:
        return list(Scenario)[self.scenario_box.currentIndex()]

    def _scenario_picked(self, _index: int) -> None:
        self.scenario_changed.emit(self.scenario)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = item.data(0, Qt.ItemDataRole.UserRole)
        if node_id:
            self.node_activated.emit(node_id)

    def show_estimate(self, architecture: Architecture, estimate: CostEstimate) -> None:
        self.estimate = estimate
        self.total.setText(f"Cost: {money(estimate.total)}/month")
        self.total.setToolTip(
            f"On-demand list prices in {estimate.currency}, price table {estimate.table_version}"
        )
        self.tree.clear()
        labels = {node.id: node.label for node in architecture.services()}
        by_node, by_tier = estimate.by_node(), estimate.by_tier()
        lines_of: dict[str, list[CostLine]] = {}  # grouped once: per node, a scan of all lines is quadratic
        for line in estimate.lines:
            lines_of.setdefault(line.node_id, []).append(line)
        tiers: dict[str, QTreeWidgetItem] = {}
        for tier in TIERS:
            if by_tier[tier] or any(t == tier for t in estimate.tiers.values()):
                tiers[tier] = QTreeWidgetItem([tier, "", money(by_tier[tier])])
                tiers[tier].setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                self.tree.addTopLevelItem(tiers[tier])
        for node_id in sorted(
            estimate.tiers, key=lambda n: (-by_node.get(n, 0.0), labels.get(n, "").lower(), n)
        ):
            parent = tiers[estimate.tiers[node_id]]
            item = QTreeWidgetItem([labels.get(node_id, node_id), "", money(by_node.get(node_id, 0.0))])
            item.setData(0, Qt.ItemDataRole.UserRole, node_id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            reason = estimate.free_services.get(node_id) or estimate.not_priced.get(node_id)
            if reason:
                item.setToolTip(0, reason)
            parent.addChild(item)
            for line in lines_of.get(node_id, ()):
                item.addChild(self._line_item(line.label, line.quantity, line.unit, line.monthly, line.note))
        transfer = tiers.get("Data transfer")
        for line in estimate.lines:
            if not line.node_id and transfer is not None:
                transfer.addChild(
                    self._line_item(line.label, line.quantity, line.unit, line.monthly, line.note)
                )
        for item in tiers.values():
            item.setExpanded(True)
        self.notes.setText(self._notes(estimate))

    @staticmethod
    def _line_item(label: str, quantity: float, unit: str, monthly: float, note: str) -> QTreeWidgetItem:
        amount = f"{quantity:,.0f}" if quantity >= 100 else f"{quantity:,.3g}"
        item = QTreeWidgetItem([label, f"{amount} {unit}", money(monthly) if not note else "no price"])
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
        if note:
            item.setToolTip(2, note)
        return item

    @staticmethod
    def _notes(estimate: CostEstimate) -> str:
        parts = []
        if estimate.free_tier:
            parts.append(
                f"The free tier would cover {money(estimate.free_tier_total)} of this (not subtracted)."
            )
        missing = len(estimate.unpriced_lines) + len(estimate.not_priced)
        if missing:
            parts.append(f"{missing} item(s) have no price in the table; the total leaves them out.")
        caveat = unconfirmed_caveat(estimate)
        if caveat:
            parts.append(caveat)
        return " ".join(parts)
