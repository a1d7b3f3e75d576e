"""The Compare window: the open design against another, with both diagrams and the differences marked."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from archbuilder.compare.designs import DesignComparison, compare
from archbuilder.compare.picture import diagram_svg
from archbuilder.compare.render import marks, summary_html
from archbuilder.model import Architecture


class CompareWindow(QDialog):
    def __init__(self, before: Architecture, after: Architecture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: DesignComparison = compare(before, after)
        self.setWindowTitle(f"Compare: {before.metadata.name} → {after.metadata.name}")
        self.summary = QTextBrowser()
        # Every text from the designs is escaped by summary_html; links open nothing.
        self.summary.setHtml(summary_html(self.comparison))
        self.summary.setOpenLinks(False)
        marks_before, marks_after = marks(self.comparison)
        self.before_diagram = self._diagram(diagram_svg(before, *marks_before))
        self.after_diagram = self._diagram(diagram_svg(after, *marks_after))
        diagrams = QWidget()
        row = QHBoxLayout(diagrams)
        row.addWidget(self._captioned("Before", self.before_diagram))
        row.addWidget(self._captioned("After", self.after_diagram))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(diagrams)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.summary)
        splitter.addWidget(scroll)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1300, 950)

    @staticmethod
    def _diagram(svg: str) -> QSvgWidget:
        widget = QSvgWidget()
        widget.load(QByteArray(svg.encode("utf-8")))
        size = widget.renderer().defaultSize()
        widget.setFixedSize(size)  # drawn at the width the page uses (half the canvas size)
        return widget

    @staticmethod
    def _captioned(caption: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        label = QLabel(caption)
        label.setStyleSheet("font-weight: bold;")
        column.addWidget(label)
        column.addWidget(widget)
        column.addStretch(1)
        return box
