"""The design's lock-in score, its breakdown, and the alternatives for the selected service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from archbuilder.ui.rich_text import citation_link, plain
from archbuilder.validation.lockin import LockinScore


class LockinPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_label = QLabel("Lock-in: –")
        self.score_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.breakdown = QTreeWidget()
        self.breakdown.setHeaderLabels(["Service", "Rating", "Category"])
        self.breakdown.setColumnWidth(0, 200)
        self.alternatives = QLabel("")
        # Rich text for the link to the guide; every piece of text in it is escaped (ui/rich_text.py).
        self.alternatives.setTextFormat(Qt.TextFormat.RichText)
        self.alternatives.setOpenExternalLinks(True)
        self.alternatives.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.score_label)
        layout.addWidget(self.breakdown, 1)
        layout.addWidget(self.alternatives)
        self.score: LockinScore | None = None

    def show_score(self, score: LockinScore) -> None:
        self.score = score
        self.score_label.setText(f"Lock-in: {score.score}/100")
        self.breakdown.clear()
        for service in score.services:
            item = QTreeWidgetItem([service.label, service.rating, service.category.replace("_", " ")])
            item.setToolTip(0, service.rationale)
            self.breakdown.addTopLevelItem(item)

    def show_selection(self, node_id: str | None) -> None:
        if self.score is None or node_id is None:
            self.alternatives.setText("")
            return
        for service in self.score.services:
            if service.node_id == node_id:
                names = (
                    ", ".join(f"{a.name} ({a.kind.replace('_', ' ')})" for a in service.alternatives)
                    or "none named"
                )
                self.alternatives.setText(
                    f"{plain(service.label)}: {plain(service.rating)} lock-in. {plain(service.rationale)}<br>"
                    f"Alternatives: {plain(names)}<br>Source: {citation_link(service.source)}"
                )
                return
        self.alternatives.setText("")
