"""Renaming in place (F2, or Rename in the right-click menu): a text field over the service's label or the
container's header; Enter or leaving the field renames (one undo step), Escape leaves the name as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from archbuilder.canvas import styles
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import LABEL_TOP, ServiceItem
from archbuilder.model.nodes import SERVICE_WIDTH

if TYPE_CHECKING:
    from archbuilder.canvas.view import ArchitectureView


class InlineRename(QLineEdit):
    def __init__(self, view: ArchitectureView, item: ServiceItem | ContainerItem) -> None:
        super().__init__(view.viewport())
        self._view = view
        self.node_id = item.node_id
        self._done = False
        node = view.arch_scene.architecture.node(item.node_id)
        self.setText(node.label)  # plain text
        self.selectAll()
        if isinstance(item, ServiceItem):
            area = item.mapRectToScene(QRectF(-12, LABEL_TOP - 2, SERVICE_WIDTH + 24, 20))
        else:
            area = item.mapRectToScene(
                QRectF(4, 4, min(item.rect().width() - 8, 260), styles.HEADER_HEIGHT - 8)
            )
        rect = view.mapFromScene(area).boundingRect()
        self.setGeometry(rect.x(), rect.y(), max(rect.width(), 120), max(rect.height(), 22))
        self.installEventFilter(self)
        self.show()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.finish()
                return True
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def commit(self) -> None:
        if self._done:
            return
        text = self.text().strip()
        document = self._view.arch_scene.document
        node = self._view.arch_scene.architecture.nodes.get(self.node_id)
        if text and node is not None and text != node.label:
            document.set_label(self.node_id, text)
        self.finish()

    def finish(self) -> None:
        self._done = True
        self.hide()
        self.deleteLater()
        self._view.setFocus()
