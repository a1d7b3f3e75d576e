"""Service and container icons taken from the diagrams package's bundled AWS PNGs, scaled once and cached."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from archbuilder.canvas.styles import CATEGORY_COLORS, ICON_SIZE
from archbuilder.catalog import Catalog, default_catalog
from archbuilder.catalog.generic_types import GENERIC, diagram_class
from archbuilder.catalog.icons import icon_file, resource_icon
from archbuilder.model import ServiceNode


def _scaled(path: Path, size: int) -> QPixmap | None:
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        return None
    return pixmap.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def fallback_pixmap(size: int = ICON_SIZE, colour: QColor | None = None) -> QPixmap:
    """A neutral rounded tile for services whose icon cannot be found."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour or CATEGORY_COLORS["other"])
    painter.drawRoundedRect(2, 2, size - 4, size - 4, 6, 6)
    painter.end()
    return pixmap


_pixmaps: dict[tuple[str, int], QPixmap] = {}


def service_pixmap(type_id: str, size: int = ICON_SIZE, catalog: Catalog | None = None) -> QPixmap:
    """The icon of a catalog service type at `size` px, cached per process; a neutral tile when unknown."""
    key = (type_id, size)
    cached = _pixmaps.get(key)
    if cached is not None:
        return cached
    service = (catalog or default_catalog()).find(type_id)
    path = icon_file(service.diagram_class) if service is not None else None
    pixmap = _scaled(path, size) if path is not None else None
    if pixmap is None:
        colour = CATEGORY_COLORS.get(service.category.value) if service is not None else None
        pixmap = fallback_pixmap(size, colour)
    _pixmaps[key] = pixmap
    return pixmap


def node_pixmap(node: ServiceNode, size: int = ICON_SIZE, catalog: Catalog | None = None) -> QPixmap:
    """A service node's icon: its type's, or for a generic resource its own service's (generic_types.py)."""
    if node.type != GENERIC:
        return service_pixmap(node.type, size, catalog)
    drawn = diagram_class(catalog or default_catalog(), node.type, node.properties)
    key = (f"generic:{drawn}", size)
    cached = _pixmaps.get(key)
    if cached is None:
        path = icon_file(drawn)
        cached = (_scaled(path, size) if path is not None else None) or service_pixmap(GENERIC, size, catalog)
        _pixmaps[key] = cached
    return cached


def service_icon(type_id: str, catalog: Catalog | None = None) -> QIcon:
    return QIcon(service_pixmap(type_id, ICON_SIZE, catalog))


def resource_pixmap(relative: str, size: int) -> QPixmap | None:
    """An icon by its path under the diagrams package's `resources/aws/` (container header icons)."""
    key = (f"resource:{relative}", size)
    if key in _pixmaps:
        return _pixmaps[key]
    path = resource_icon(relative)
    pixmap = _scaled(path, size) if path is not None else None
    if pixmap is not None:
        _pixmaps[key] = pixmap
    return pixmap


def container_swatch(border: QColor, dashed: bool, size: int) -> QPixmap:
    """A small outlined box in a container's border colour and line style, for containers that have no AWS
    icon (the availability zone is drawn as a dashed box in AWS diagrams), so the palette row is not blank."""
    key = (f"swatch:{border.name()}:{dashed}", size)
    if key in _pixmaps:
        return _pixmaps[key]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    pen = QPen(border, 2.0, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawRect(3, 3, size - 7, size - 7)
    painter.end()
    _pixmaps[key] = pixmap
    return pixmap
