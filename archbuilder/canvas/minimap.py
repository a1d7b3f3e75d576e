"""The minimap: a small picture of the whole design with the main view's visible area as a frame;
click or drag in it to move the main view there.

It shows a snapshot drawn after changes settle instead of a second live view of the scene, so that a drag
on a 5,000-service design does not repaint the whole design twice per frame; the snapshot draws containers
and services as plain shapes (icons, labels and connections are not legible at its scale anyway)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView, QWidget

from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.view import ArchitectureView

SNAPSHOT_DELAY_MS = 300
SNAPSHOT_MAX_SIDE = 480  # px of the longer side of the snapshot


class MiniMap(QGraphicsView):
    def __init__(self, main_view: ArchitectureView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_view = main_view
        self._source = main_view.arch_scene
        self.setScene(QGraphicsScene(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#f4f5f7"))
        self.setMinimumSize(160, 110)
        self._picture = QGraphicsPixmapItem()
        self._picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._picture)
        self._frame = QGraphicsRectItem()
        frame_pen = QPen(QColor("#0972d3"), 2)
        frame_pen.setCosmetic(True)
        self._frame.setPen(frame_pen)
        self._frame.setBrush(QBrush(QColor(9, 114, 211, 30)))
        self._frame.setZValue(1)
        self.scene().addItem(self._frame)
        self._area = QRectF()  # the part of the design scene the snapshot shows
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SNAPSHOT_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._source.changed.connect(self._schedule)
        main_view.viewport_changed.connect(self.update_frame)
        self.refresh()

    def _schedule(self, *_args: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Re-render the snapshot of the whole design and fit it."""
        area = self._source.nodes_rect()
        # An empty design has nothing to navigate: no view frame floating over a blank map.
        self._frame.setVisible(not area.isEmpty())
        if area.isEmpty():
            area = QRectF(0, 0, 800, 600)
        area = area.adjusted(-40, -40, 40, 40)
        scale = SNAPSHOT_MAX_SIDE / max(area.width(), area.height())
        image = QImage(
            max(1, int(area.width() * scale)), max(1, int(area.height() * scale)), QImage.Format.Format_ARGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(-area.left(), -area.top())
        self._draw_design(painter, scale)
        painter.end()
        self._area = area
        self._picture.setPixmap(QPixmap.fromImage(image))
        self._picture.setScale(1 / scale)
        self._picture.setPos(area.topLeft())
        self.scene().setSceneRect(area)
        self.fitInView(area, Qt.AspectRatioMode.KeepAspectRatio)
        self.update_frame()

    def _draw_design(self, painter: QPainter, scale: float) -> None:
        """Containers as their coloured frames and services as flat tiles, drawn straight from the items'
        geometry: rendering the scene itself painted every icon, label and connection of a big design
        (a third of a second at 5,000 services, after every edit)."""
        outline = QPen()
        outline.setCosmetic(True)
        for item in self._source.node_items().values():
            rect = item.sceneBoundingRect()
            if isinstance(item, ContainerItem):
                fill = item.style.fill
                painter.setBrush(fill if fill.alpha() else Qt.BrushStyle.NoBrush)
                outline.setColor(item.style.border)
                painter.setPen(outline)
                painter.drawRect(rect)
            elif isinstance(item, ServiceItem):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(item.tile_brush())
                painter.drawRect(rect.adjusted(8, 4, -8, -8))
        painter.setPen(Qt.PenStyle.NoPen)
        for span in self._source.spans.all_items():
            painter.setBrush(QColor(125, 137, 152, 90))
            painter.drawRect(span.sceneBoundingRect().adjusted(8, 4, -8, -8))

    def visible_area(self) -> QRectF:
        """The design-scene rect the main view shows."""
        return self.main_view.mapToScene(self.main_view.viewport().rect()).boundingRect()

    def update_frame(self) -> None:
        self._frame.setRect(self.visible_area())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._area.isEmpty():
            self.fitInView(self._area, Qt.AspectRatioMode.KeepAspectRatio)

    def navigate_to(self, scene_point: QPointF) -> None:
        self.main_view.centerOn(scene_point)
        self.update_frame()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.navigate_to(self.mapToScene(event.position().toPoint()))
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.navigate_to(self.mapToScene(event.position().toPoint()))
            event.accept()
