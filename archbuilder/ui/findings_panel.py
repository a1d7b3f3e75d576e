"""Live findings grouped by severity; clicking one selects its nodes, and a finding can be suppressed with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archbuilder.editor.document import Document
from archbuilder.model import Suppression
from archbuilder.validation import Finding, Severity, ValidationResult

COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class FindingsPanel(QWidget):
    nodes_activated = Signal(list)  # node ids of the clicked finding

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = QLabel("Not validated yet")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Finding", "Rule", "Pillar"])
        self.tree.setColumnWidth(0, 330)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda current, _prev: self._show_detail(current))
        self.detail = QLabel("")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.suppress_button = QPushButton("Suppress…")
        self.suppress_button.setEnabled(False)
        self.suppress_button.clicked.connect(self.suppress_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.suppress_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.result: ValidationResult | None = None

    def show_result(self, result: ValidationResult) -> None:
        self.result = result
        self.tree.clear()
        errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        self.summary.setText(
            f"{errors} errors · {warnings} warnings · {infos} notes · lock-in {result.lockin.score}/100"
        )
        groups: dict[str, QTreeWidgetItem] = {}
        for finding in result.findings:
            key = "suppressed" if finding.suppressed else finding.severity.value
            if key not in groups:
                title = "Suppressed" if finding.suppressed else f"{finding.severity.value.capitalize()}s"
                group = QTreeWidgetItem([title])
                group.setFirstColumnSpanned(True)
                groups[key] = group
            item = QTreeWidgetItem([finding.message, finding.rule_id, finding.pillar.heading])
            item.setData(0, FINDING_ROLE, finding)
            item.setForeground(0, QBrush(QColor("#777" if finding.suppressed else COLOURS[finding.severity])))
            item.setToolTip(0, f"{finding.message}\nFix: {finding.remediation}\nSource: {finding.source}")
            groups[key].addChild(item)
        for key in ("error", "warning", "info", "suppressed"):
            if key in groups:
                group = groups[key]
                group.setText(0, f"{group.text(0)} ({group.childCount()})")
                self.tree.addTopLevelItem(group)
                group.setExpanded(key != "suppressed")

    def finding_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group is not None:
                items.extend(
                    child for i in range(group.childCount()) if (child := group.child(i)) is not None
                )
        return items

    def _finding(self, item: QTreeWidgetItem | None) -> Finding | None:
        return item.data(0, FINDING_ROLE) if item is not None else None

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = self._finding(item)
        if finding is not None and finding.node_ids:
            self.nodes_activated.emit(list(finding.node_ids))

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        finding = self._finding(item)
        self.suppress_button.setEnabled(finding is not None and not finding.suppressed)
        if finding is None:
            self.detail.setText("")
            return
        self.detail.setText(f"Fix: {finding.remediation}\nSource: {finding.source}")

    def suppress_current(self, reason: str | None = None) -> bool:
        finding = self._finding(self.tree.currentItem())
        if finding is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, "Suppress finding", f"Why is {finding.rule_id} acceptable here?"
            )
            if not ok:
                return False
        if len(reason.strip()) < 3:
            self.detail.setText("A suppression needs a reason.")
            return False
        return self.document.suppress(
            Suppression(rule_id=finding.rule_id, node_ids=finding.node_ids, reason=reason.strip())
        )
