"""The palette: containers and catalog services by category, with icons and search by name and alias;
items are dragged onto the canvas with the canvas's MIME types."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archbuilder.canvas import styles
from archbuilder.canvas.icons import container_swatch, resource_pixmap, service_icon
from archbuilder.canvas.interactions import CONTAINER_MIME, SERVICE_MIME
from archbuilder.catalog import Catalog, Category, default_catalog

CATEGORY_TITLES = {
    Category.COMPUTE: "Compute",
    Category.CONTAINERS: "Containers (ECS, EKS)",
    Category.STORAGE: "Storage",
    Category.DATABASE: "Database",
    Category.NETWORKING: "Networking",
    Category.CONTENT_DELIVERY: "Content delivery",
    Category.INTEGRATION: "Application integration",
    Category.ANALYTICS: "Analytics",
    Category.SECURITY: "Security and identity",
    Category.MANAGEMENT: "Management and monitoring",
    Category.DEVELOPER_TOOLS: "Developer tools",
    Category.MACHINE_LEARNING: "Machine learning",
    Category.OTHER: "Other",
}

# Palette payload, title, search words, style (for the icon).
CONTAINER_ENTRIES = [
    ("region", "Region", "region aws", styles.REGION_STYLE),
    ("vpc", "VPC", "vpc virtual private cloud network", styles.VPC_STYLE),
    ("az", "Availability Zone", "az availability zone", styles.AZ_STYLE),
    ("subnet-public", "Public subnet", "public subnet", styles.PUBLIC_SUBNET_STYLE),
    ("subnet-private", "Private subnet", "private subnet", styles.PRIVATE_SUBNET_STYLE),
]

_MIME_ROLE = Qt.ItemDataRole.UserRole
_PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1


class _PaletteTree(QTreeWidget):
    """A tree whose leaves drag their payload out as palette MIME data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(24, 24))
        self.setRootIsDecorated(True)
        self.setAnimated(False)

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        for item in items:
            mime_type, payload = item.data(0, _MIME_ROLE), item.data(0, _PAYLOAD_ROLE)
            if mime_type:
                mime.setData(mime_type, payload.encode("utf-8"))
                mime.setText(payload)
                break
        return mime

    def mimeTypes(self) -> list[str]:
        return [SERVICE_MIME, CONTAINER_MIME]

    def startDrag(self, supported_actions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None or not item.data(0, _MIME_ROLE):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(item.icon(0).pixmap(32, 32))
        drag.exec(Qt.DropAction.CopyAction)


class PalettePanel(QWidget):
    activated = Signal(str, str)  # MIME type, payload: double-click (the window may add it to the selection)

    def __init__(self, catalog: Catalog | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog or default_catalog()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search services (name or alias)…")
        self.search.setClearButtonEnabled(True)
        self.tree = _PaletteTree(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self._service_items: dict[str, QTreeWidgetItem] = {}
        self._container_items: dict[str, tuple[QTreeWidgetItem, str]] = {}
        self._categories: list[QTreeWidgetItem] = []
        self._populate()
        self.search.textChanged.connect(self.set_filter)
        self.tree.itemDoubleClicked.connect(self._on_double_click)

    def _populate(self) -> None:
        containers = QTreeWidgetItem(self.tree, ["Regions, VPCs and subnets"])
        containers.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._categories.append(containers)
        for payload, title, words, style in CONTAINER_ENTRIES:
            item = QTreeWidgetItem(containers, [title])
            pixmap = resource_pixmap(style.icon, 24) if style.icon else None
            item.setIcon(0, QIcon(pixmap or container_swatch(style.border, style.dashed, 24)))
            item.setData(0, _MIME_ROLE, CONTAINER_MIME)
            item.setData(0, _PAYLOAD_ROLE, payload)
            item.setToolTip(0, f"Drag onto the canvas to add a {title.lower()}")
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
            )
            self._container_items[payload] = (item, words)
        by_category: dict[Category, list] = {}
        for service in self.catalog:
            by_category.setdefault(service.category, []).append(service)
        for category in Category:
            services = sorted(by_category.get(category, []), key=lambda s: s.short_name.lower())
            if not services:
                continue
            group = QTreeWidgetItem(self.tree, [CATEGORY_TITLES[category]])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._categories.append(group)
            for service in services:
                item = QTreeWidgetItem(group, [service.short_name])
                item.setIcon(0, service_icon(service.id, self.catalog))
                item.setToolTip(0, f"{service.name}\n{service.description}".strip())
                item.setData(0, _MIME_ROLE, SERVICE_MIME)
                item.setData(0, _PAYLOAD_ROLE, service.id)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                )
                self._service_items[service.id] = item
        self.tree.expandAll()

    def set_filter(self, text: str) -> None:
        """Show only the services (catalog.search: name, short name, id, aliases) and containers matching."""
        text = text.strip()
        if self.search.text().strip() != text:
            self.search.setText(text)
            return
        matches = {service.id for service in self.catalog.search(text)} if text else set(self._service_items)
        for service_id, item in self._service_items.items():
            item.setHidden(service_id not in matches)
        words = text.lower().split()
        for item, haystack in self._container_items.values():
            item.setHidden(bool(words) and not all(word in haystack for word in words))
        for group in self._categories:
            group.setHidden(all(child.isHidden() for child in _children(group)))
        self.tree.expandAll()

    def visible_payloads(self) -> list[str]:
        """Payloads (container kinds and service ids) currently shown, in display order."""
        shown = []
        for group in self._categories:
            if group.isHidden():
                continue
            for child in _children(group):
                if not child.isHidden():
                    shown.append(child.data(0, _PAYLOAD_ROLE))
        return shown

    def mime_data_for(self, payload: str) -> QMimeData:
        item = self._service_items.get(payload) or self._container_items[payload][0]
        return self.tree.mimeData([item])

    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        mime_type = item.data(0, _MIME_ROLE)
        if mime_type:
            self.activated.emit(mime_type, item.data(0, _PAYLOAD_ROLE))


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    children = (item.child(index) for index in range(item.childCount()))
    return [child for child in children if child is not None]
