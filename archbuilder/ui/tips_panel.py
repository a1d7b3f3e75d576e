"""The catalog's tips for the selected service, each with the guide passage it comes from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from archbuilder.editor.document import Document
from archbuilder.model import ServiceNode


class TipsPanel(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.text = QLabel("Select a service to see the guides' tips for it.")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)

    def show_node(self, node_id: str | None) -> None:
        node = self.document.architecture.nodes.get(node_id or "")
        if not isinstance(node, ServiceNode):
            self.text.setText("Select a service to see the guides' tips for it.")
            return
        service = self.document.catalog.get(node.type)
        lines = [service.name, service.description, ""]
        for tip in service.tips:
            lines.append(f"• {tip.text}\n   — {tip.source.seed}, “{tip.source.section}”")
        self.text.setText("\n".join(lines).strip())
