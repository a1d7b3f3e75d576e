"""Editors for the structured property types: security group ingress rules as a table, text lists one per line.

Both emit `committed(value)` with a plain Python value; the properties panel checks it against the catalog spec
and turns it into one undo step, so a half-typed rule is never applied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

INGRESS_COLUMNS = ("Protocol", "From", "To", "Source (CIDR or node id)", "Description")


class _CommitOnFocusOut(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.focus_lost.emit()
        super().focusOutEvent(event)


class StringListEdit(QWidget):
    """One value per line; applied when the field loses focus."""

    committed = Signal(object)

    def __init__(self, values: list[str] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = _CommitOnFocusOut("\n".join(values or []))
        self.text.setFixedHeight(70)
        self.text.setPlaceholderText("one value per line")
        self.text.focus_lost.connect(self.commit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def value(self) -> list[str]:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]

    def set_value(self, values: list[str] | None) -> None:
        self.text.setPlainText("\n".join(values or []))

    def commit(self) -> None:
        self.committed.emit(self.value())


def _port_text(value: Any) -> str:
    return "" if value is None else str(value)


class IngressTable(QWidget):
    """Ingress rules: protocol, port range, one source (an address range or another node), description."""

    committed = Signal(object)

    def __init__(self, rules: list[dict[str, Any]] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(INGRESS_COLUMNS))
        self.table.setHorizontalHeaderLabels(list(INGRESS_COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in range(len(INGRESS_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(110)
        add = QPushButton("Add rule")
        add.clicked.connect(self.add_rule)
        remove = QPushButton("Remove rule")
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.set_value(rules)
        self.table.itemChanged.connect(lambda _item: self.commit())

    def set_value(self, rules: list[dict[str, Any]] | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for rule in rules or []:
            self._append(
                [
                    str(rule.get("protocol", "tcp")),
                    _port_text(rule.get("from_port")),
                    _port_text(rule.get("to_port")),
                    str(rule.get("cidr", rule.get("source_id", ""))),
                    str(rule.get("description", "")),
                ]
            )
        self.table.blockSignals(False)

    def _append(self, cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def add_rule(self) -> None:
        self.table.blockSignals(True)
        self._append(["tcp", "443", "443", "10.0.0.0/16", ""])
        self.table.blockSignals(False)
        self.commit()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]
        self.table.blockSignals(True)
        for row in rows:
            self.table.removeRow(row)
        self.table.blockSignals(False)
        self.commit()

    def value(self) -> list[dict[str, Any]] | str:
        """The rules, or the reason the table does not hold valid rules (naming the row and column)."""
        rules: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            cells = [(item.text().strip() if (item := self.table.item(row, c)) else "") for c in range(5)]
            protocol, start, end, source, description = cells
            rule: dict[str, Any] = {"protocol": protocol or "tcp"}
            for key, text, column in (("from_port", start, "From"), ("to_port", end, "To")):
                if text:
                    try:
                        rule[key] = int(text)
                    except ValueError:
                        return f"rule {row + 1}: {column} port {text!r} is not a number"
            if not source:
                return f"rule {row + 1} needs a source: an address range such as 10.0.0.0/16, or a node id"
            rule["cidr" if "/" in source or source[:1].isdigit() else "source_id"] = source
            if description:
                rule["description"] = description
            rules.append(rule)
        return rules

    def commit(self) -> None:
        self.committed.emit(self.value())
