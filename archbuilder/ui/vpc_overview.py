"""View › VPC overview: one row per VPC (CIDR, AZs, subnets, services, copies in other AZs, connections
leaving it) and one for what sits outside every VPC; double-click a VPC to zoom the canvas to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from archbuilder.graph.overview import vpc_overview
from archbuilder.model import Architecture

COLUMNS = ["VPC", "CIDR", "AZs", "Subnets", "Services", "Copies", "Connections out"]


class VpcOverview(QDialog):
    vpc_chosen = Signal(str)

    def __init__(self, architecture: Architecture, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("VPC overview")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        for row in vpc_overview(architecture):
            cells = [
                row.label,
                row.cidr,
                *(str(v) for v in (row.zones, row.subnets, row.services, row.copies)),
            ]
            item = QTreeWidgetItem([*cells, str(row.connections_out)])  # plain text cells
            item.setData(0, Qt.ItemDataRole.UserRole, row.vpc_id)
            self.tree.addTopLevelItem(item)
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
        self.tree.itemDoubleClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Double-click a VPC to show it on the canvas."))
        layout.addWidget(self.tree)
        self.resize(720, 320)

    def rows(self) -> list[list[str]]:
        return [
            [item.text(c) for c in range(len(COLUMNS))]
            for i in range(self.tree.topLevelItemCount())
            if (item := self.tree.topLevelItem(i)) is not None
        ]

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        vpc_id = item.data(0, Qt.ItemDataRole.UserRole)
        if vpc_id:
            self.vpc_chosen.emit(vpc_id)
