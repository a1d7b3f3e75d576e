"""The catalog's tips for the selected service, each with the guide passage it comes from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from archbuilder.editor.document import Document
from archbuilder.model import ServiceNode
from archbuilder.ui.rich_text import citation_link, plain


class TipsPanel(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.text = QLabel("Select a service to see the guides' tips for it.")
        # Rich text for the links to the guides; every piece of text in it is escaped (ui/rich_text.py).
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(True)
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
        parts = [f"<b>{plain(service.name)}</b>", f"<p>{plain(service.description)}</p>"]
        parts += [
            f"<p>• {plain(tip.text)}<br>&nbsp;&nbsp;— {citation_link(tip.source)}</p>" for tip in service.tips
        ]
        self.text.setText("".join(parts))
