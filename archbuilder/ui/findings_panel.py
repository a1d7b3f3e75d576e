"""Live findings grouped by severity, pillar or rule and narrowed by a filter; "Validating…" while the counts
are not the design's; clicking one selects its nodes, and one can be suppressed with a reason (stored in the
document as one undo step)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archbuilder.editor.document import Document
from archbuilder.model import Suppression
from archbuilder.ui.rich_text import citation_link, plain
from archbuilder.validation import Finding, Pillar, Severity, ValidationResult
from archbuilder.validation.registry import rule_by_id

COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}
SEVERITY_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_BY_SEVERITY = "Severity"
GROUP_BY_PILLAR = "Pillar"
GROUP_BY_RULE = "Rule"


@cache
def _rule_title(rule_id: str) -> str:
    try:
        return rule_by_id(rule_id).title
    except KeyError:
        return ""


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class FindingsPanel(QWidget):
    nodes_activated = Signal(list)  # node ids of the clicked finding

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.summary = QLabel("Not validated yet")
        self.group_by = QComboBox()
        self.group_by.addItems([GROUP_BY_SEVERITY, GROUP_BY_PILLAR, GROUP_BY_RULE])
        self.group_by.setToolTip("Group findings by severity, by Well-Architected pillar or by rule")
        self.group_by.currentTextChanged.connect(self._regroup)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter findings (text, rule, service)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._regroup)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Finding", "Rule"])
        header = self.tree.header()
        # The message takes the room; the rule id column fits its text. No sideways scrolling.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda current, _prev: self._show_detail(current))
        self.detail = QLabel("Click a finding to select its services.")
        # Rich text for the link to the guide; every piece of text in it is escaped (ui/rich_text.py).
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setOpenExternalLinks(True)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #444;")
        self.suppress_button = QPushButton("Suppress…")
        self.suppress_button.setEnabled(False)
        self.suppress_button.setToolTip("Accept this finding for these services, with a reason")
        self.suppress_button.clicked.connect(lambda: self.suppress_current())
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Group by"))
        bottom.addWidget(self.group_by)
        bottom.addStretch(1)
        bottom.addWidget(self.suppress_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)
        self.result: ValidationResult | None = None

    def set_validating(self) -> None:
        """Validation is scheduled or running: the counts shown are not the design's any more."""
        self.summary.setText("Validating…")

    def show_result(self, result: ValidationResult) -> None:
        self.result = result
        errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        self.summary.setText(
            f"{counted(errors, 'error')} · {counted(warnings, 'warning')} · {counted(infos, 'note')}"
            f" · lock-in {result.lockin.score}/100"
        )
        self._regroup()

    def _group_key(self, finding: Finding) -> tuple[int, str]:
        """Sort position and title of the group a finding goes in; suppressed ones always go last."""
        if finding.suppressed:
            return (99, "Suppressed")
        if self.group_by.currentText() == GROUP_BY_PILLAR:
            return (list(Pillar).index(finding.pillar), finding.pillar.heading)
        if self.group_by.currentText() == GROUP_BY_RULE:
            return (-finding.severity.rank, f"{finding.rule_id} {_rule_title(finding.rule_id)}")
        return (-finding.severity.rank, SEVERITY_TITLES[finding.severity])

    def _shown(self, finding: Finding) -> bool:
        """Whether the filter text (any case) is in the finding's message, rule id or its services' labels."""
        wanted = self.filter.text().strip().lower()
        if not wanted:
            return True
        nodes = self.document.architecture.nodes
        labels = [nodes[i].label for i in finding.node_ids if i in nodes]
        return any(wanted in text.lower() for text in [finding.message, finding.rule_id, *labels])

    def _regroup(self) -> None:
        selected = self._finding(self.tree.currentItem())
        self.tree.clear()
        if self.result is None:
            return
        groups: dict[tuple[int, str], QTreeWidgetItem] = {}
        for finding in self.result.findings:
            if not self._shown(finding):
                continue
            key = self._group_key(finding)
            if key not in groups:
                groups[key] = QTreeWidgetItem([key[1]])
                groups[key].setFirstColumnSpanned(True)
            item = QTreeWidgetItem([finding.message, finding.rule_id])
            item.setData(0, FINDING_ROLE, finding)
            item.setForeground(0, QBrush(QColor("#777" if finding.suppressed else COLOURS[finding.severity])))
            tip = f"{finding.message}\nFix: {finding.remediation}\nSource: {finding.source.title}"
            if finding.suppressed:
                tip += f"\nSuppressed: {finding.suppression_reason}"
            item.setToolTip(0, tip)
            groups[key].addChild(item)
            if finding == selected:
                self.tree.setCurrentItem(item)
        for key in sorted(groups):
            group = groups[key]
            group.setText(0, f"{key[1]} ({group.childCount()})")
            self.tree.addTopLevelItem(group)
            group.setExpanded(key[1] != "Suppressed")
        self._show_detail(self.tree.currentItem())

    def group_titles(self) -> list[str]:
        return [
            item.text(0) for i in range(self.tree.topLevelItemCount()) if (item := self.tree.topLevelItem(i))
        ]

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
            self.detail.setText("Click a finding to select its services.")
            return
        text = f"Fix: {plain(finding.remediation)}<br>Source: {citation_link(finding.source)}"
        if finding.suppressed:
            text += f"<br>Suppressed: {plain(finding.suppression_reason)}"
        self.detail.setText(text)

    def suppress_current(self, reason: str | None = None) -> bool:
        finding = self._finding(self.tree.currentItem())
        if finding is None or finding.suppressed:
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
