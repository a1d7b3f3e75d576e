"""The Compare window: the open design against another, with both diagrams and the differences marked."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
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

ZOOM_STEPS = (50, 75, 100, 150)  # percent of the canvas's size
MIN_ZOOM = 0.25  # below it labels are dots: the pictures scroll instead
FIT_MARGIN = 80  # captions' margins and the gap between the two pictures


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
        self.pictures = QScrollArea()
        self.pictures.setWidgetResizable(True)
        self.pictures.setWidget(diagrams)
        self.zoom = QComboBox()
        self.zoom.addItem("Fit width", 0.0)
        for percent in ZOOM_STEPS:
            self.zoom.addItem(f"{percent} %", percent / 100)
        self.zoom.currentIndexChanged.connect(self._apply_zoom)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Zoom:"))
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.pictures)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.summary)
        splitter.addWidget(lower)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1300, 950)
        self._apply_zoom()

    def zoom_factor(self) -> float:
        """The chosen scale, or the one that fits both pictures side by side in the visible width."""
        chosen = float(self.zoom.currentData())
        if chosen:
            return chosen
        widths = sum(d.renderer().defaultSize().width() for d in (self.before_diagram, self.after_diagram))
        room = self.pictures.viewport().width() - FIT_MARGIN
        return max(MIN_ZOOM, min(1.0, room / max(widths, 1)))

    def _apply_zoom(self) -> None:
        factor = self.zoom_factor()
        for diagram in (self.before_diagram, self.after_diagram):
            size = diagram.renderer().defaultSize()
            diagram.setFixedSize(round(size.width() * factor), round(size.height() * factor))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.zoom.currentData():
            self._apply_zoom()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # the layout has given the pictures their room only now
        self._apply_zoom()

    @staticmethod
    def _diagram(svg: str) -> QSvgWidget:
        widget = QSvgWidget()
        widget.load(QByteArray(svg.encode("utf-8")))
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
