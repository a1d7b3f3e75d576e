"""The canvas view: zoom about the cursor, pan, fit, level of detail, palette drops with a visible
allowed/refused highlight, connect mode, and the editing keys."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QInputDialog, QMenu, QWidget

from archbuilder.canvas import styles
from archbuilder.canvas.context_menu import context_menu
from archbuilder.canvas.inline_edit import InlineRename
from archbuilder.canvas.interactions import (
    CONTAINER_MIME,
    CONTAINER_PAYLOADS,
    SERVICE_MIME,
    DropTarget,
    container_target,
    service_item_at,
    service_target,
)
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import DETAIL_FULL, DETAIL_ICONS, DETAIL_TILES, ServiceItem
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.catalog import ConnectionKind
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH

ZOOM_STEP = 1.25
NUDGE = 1.0  # arrow keys move the selection this far (Shift: NUDGE_FAR)
NUDGE_FAR = 10.0
FIT_MARGIN = 40.0


def detail_for_scale(scale: float) -> int:
    if scale < styles.DETAIL_HIDE_ICONS:
        return DETAIL_TILES
    if scale < styles.DETAIL_HIDE_SERVICE_TEXT:
        return DETAIL_ICONS
    return DETAIL_FULL


class ArchitectureView(QGraphicsView):
    zoom_changed = Signal(float)
    viewport_changed = Signal()  # scrolled, zoomed or resized: the minimap redraws its frame

    def __init__(self, scene: ArchitectureScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.arch_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._connect_mode = False
        self.renaming: InlineRename | None = None
        self._panning_from: QPoint | None = None
        self._space_held = False
        self._drop_target: DropTarget | None = None
        scene.kind_chooser = self._choose_kind
        scene.text_editor = self._ask_text
        self.horizontalScrollBar().valueChanged.connect(self.viewport_changed)
        self.verticalScrollBar().valueChanged.connect(self.viewport_changed)
        self.viewport_changed.connect(self._fill_in_visible)
        scene.captions_wanted.connect(self._fill_in_visible)

    # ------------------------------------------------------------------ zoom and pan

    def zoom(self) -> float:
        return float(self.transform().m11())

    def set_zoom(self, scale: float, anchor: QPoint | None = None) -> None:
        """Zoom to `scale`, keeping the scene point under `anchor` (viewport px) in place."""
        scale = min(max(scale, styles.ZOOM_MIN), styles.ZOOM_MAX)
        factor = scale / self.zoom()
        if abs(factor - 1.0) < 1e-9:
            return
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        else:
            before = self.mapToScene(anchor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(factor, factor)
            after = self.mapToScene(anchor)
            delta = after - before
            self.translate(delta.x(), delta.y())
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._zoom_changed()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_rect(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        self.fitInView(
            rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN),
            Qt.AspectRatioMode.KeepAspectRatio,
        )
        if self.zoom() > styles.ZOOM_MAX:
            self.set_zoom(styles.ZOOM_MAX)
        self._zoom_changed()

    def fit_all(self) -> None:
        self.fit_rect(self.arch_scene.nodes_rect())

    def rename_in_place(self, item: ServiceItem | ContainerItem | None = None) -> InlineRename | None:
        """A text field over the label of `item` (else the one selected node): F2."""
        if item is None:
            chosen = [
                i for i in self.arch_scene.selectedItems() if isinstance(i, ServiceItem | ContainerItem)
            ]
            if len(chosen) != 1:
                return None
            item = chosen[0]
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        self.renaming = InlineRename(self, item)
        return self.renaming

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = context_menu(self, self.mapToScene(event.pos()))
        menu.exec(event.globalPos())
        event.accept()

    def zoom_to_selection(self) -> None:
        """Fit the selected nodes (and annotations) to the window; nothing selected: fit everything."""
        rect = QRectF()
        for item in self.arch_scene.selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        self.fit_rect(rect) if not rect.isEmpty() else self.fit_all()

    def center_on_nodes(self, ids: Sequence[str]) -> None:
        """Show the given nodes: centre them, zooming out only if they do not fit."""
        rect = self.arch_scene.nodes_rect(list(ids))
        if rect.isEmpty():
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.fit_rect(rect)
        else:
            self.centerOn(rect.center())
        self.viewport_changed.emit()

    def _fill_in_visible(self) -> None:
        """Service labels and connection captions not made yet (big designs make them as they come into
        view at full detail). Scrollbars move during a zoom before the scene learns the new level of detail,
        hence the view's own scale."""
        if detail_for_scale(self.zoom()) != DETAIL_FULL:
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.arch_scene.realize_labels(visible)
        self.arch_scene.route_pending(visible)
        self.arch_scene.place_pending_captions(visible)

    def _zoom_changed(self) -> None:
        self.arch_scene.set_detail_level(detail_for_scale(self.zoom()))
        self.zoom_changed.emit(self.zoom())
        self.viewport_changed.emit()

    EMPTY_HINT = (
        "Drag a Region from the palette onto the canvas to start,\n"
        "then a VPC into it, availability zones and subnets, and services into those.\n"
        "Or open a complete design with File › New from example."
    )

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self.arch_scene.architecture.nodes:
            return
        # An empty canvas says how to begin, in view coordinates so zoom does not matter.
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor("#687078"))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.EMPTY_HINT)
        painter.restore()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # shift+wheel scrolls sideways, as in other editors
            return
        factor = ZOOM_STEP ** (delta / 120)
        self.set_zoom(self.zoom() * factor, event.position().toPoint())
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.viewport_changed.emit()

    # ------------------------------------------------------------------ mouse: pan, shift-select, connect mode

    def set_connect_mode(self, enabled: bool) -> None:
        self._connect_mode = enabled
        self.setDragMode(QGraphicsView.DragMode.NoDrag if enabled else QGraphicsView.DragMode.RubberBandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if enabled else Qt.CursorShape.ArrowCursor)
        if not enabled:
            self.arch_scene.connect_gesture.cancel()

    def connect_mode(self) -> bool:
        return self._connect_mode

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space_held
        )
        if pan:
            self._panning_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._connect_mode and event.button() == Qt.MouseButton.LeftButton:
            scene_pos = self.mapToScene(event.position().toPoint())
            gesture = self.arch_scene.connect_gesture
            if gesture.active:  # the second click of click-then-click: on the target
                gesture.finish(scene_pos)
            else:
                source = service_item_at(self.arch_scene, scene_pos)
                if source is not None:
                    gesture.begin(source, scene_pos)
            event.accept()
            return
        super().mousePressEvent(_shift_as_ctrl(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            now = event.position().toPoint()
            delta = now - self._panning_from
            self._panning_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self.arch_scene.connect_gesture.active and self._connect_mode:
            self.arch_scene.connect_gesture.update(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            self._panning_from = None
            self.viewport().setCursor(
                Qt.CursorShape.CrossCursor if self._connect_mode else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        if self.arch_scene.connect_gesture.active and self._connect_mode:
            # Released on another service: connected (press, drag, release). Released on the source itself or
            # on nothing: the line stays and follows the pointer until a second click picks the target.
            self.arch_scene.connect_gesture.finish_on_service(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseReleaseEvent(_shift_as_ctrl(event))

    def _ask_text(self, title: str, current: str) -> str | None:
        """The text of a note or callout, edited in a dialog (plain text)."""
        text, ok = QInputDialog.getMultiLineText(self, title, "Text:", current)
        return text if ok else None

    def _choose_kind(self, kinds: list[ConnectionKind], at: QPointF) -> ConnectionKind | None:
        """Ask which kind of connection to draw when the target accepts several."""
        menu = QMenu(self)
        menu.setTitle("Connection kind")
        actions: dict[QAction, ConnectionKind] = {}
        for kind in kinds:
            actions[menu.addAction(kind.value.replace("_", " "))] = kind
        chosen = menu.exec(self.viewport().mapToGlobal(self.mapFromScene(at)))
        return actions.get(chosen) if chosen is not None else None

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.arch_scene.connect_gesture.cancel()
            if self._connect_mode:
                self.set_connect_mode(False)
            event.accept()
            return
        scene = self.arch_scene
        handlers = [
            (QKeySequence.StandardKey.Delete, scene.delete_selection),
            (QKeySequence.StandardKey.Copy, scene.copy_selection),
            (QKeySequence.StandardKey.Paste, scene.paste),
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ]
        for key, handler in handlers:
            if event.matches(key):
                handler()
                event.accept()
                return
        if event.key() == Qt.Key.Key_Backspace:
            scene.delete_selection()
            event.accept()
            return
        if event.key() == Qt.Key.Key_F2:
            self.rename_in_place()
            event.accept()
            return
        step = NUDGE_FAR if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE
        nudges = {Qt.Key.Key_Left: (-step, 0), Qt.Key.Key_Right: (step, 0), Qt.Key.Key_Up: (0, -step)}
        nudges[Qt.Key.Key_Down] = (0, step)
        if event.key() in nudges and scene.selectedItems():
            scene.nudge_selection(*nudges[Qt.Key(event.key())])
            event.accept()
            return
        if event.key() == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            scene.duplicate_selection()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().setCursor(
                Qt.CursorShape.CrossCursor if self._connect_mode else Qt.CursorShape.ArrowCursor
            )
            event.accept()
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------------------ palette drops

    def _target_for_drop(self, event: QDropEvent | QDragMoveEvent) -> DropTarget | None:
        mime = event.mimeData()
        scene_pos = self.mapToScene(event.position().toPoint())
        if mime.hasFormat(SERVICE_MIME):
            type_id = bytes(mime.data(SERVICE_MIME).data()).decode("utf-8")
            if type_id not in self.arch_scene.architecture.catalog:
                return DropTarget(None, f"unknown service type {type_id!r}")
            return service_target(self.arch_scene, self.arch_scene.document, type_id, scene_pos)
        if mime.hasFormat(CONTAINER_MIME):
            payload = bytes(mime.data(CONTAINER_MIME).data()).decode("utf-8")
            if payload not in CONTAINER_PAYLOADS:
                return DropTarget(None, f"unknown container {payload!r}")
            return container_target(self.arch_scene, CONTAINER_PAYLOADS[payload][0], scene_pos)
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SERVICE_MIME) or event.mimeData().hasFormat(CONTAINER_MIME):
            event.acceptProposedAction()
            self.dragMoveEvent(event)
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        target = self._target_for_drop(event)
        if target is None:
            super().dragMoveEvent(event)
            return
        changed = target != self._drop_target
        self._drop_target = target
        self.arch_scene.highlight_target(target)
        if target.allowed:
            event.acceptProposedAction()
            # Replaces a refusal shown a moment ago, so the status bar never contradicts the highlight.
            if changed:
                architecture = self.arch_scene.architecture
                where = architecture.node(target.parent_id).label if target.parent_id else "the canvas"
                self.arch_scene.document.status_message.emit(f"Drop to place it in {where}")
        else:
            # Still accepted so that the drop arrives and the reason is shown; refused in dropEvent.
            event.acceptProposedAction()
            self.arch_scene.document.status_message.emit(target.reason)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.arch_scene.highlight_target(None)
        self._drop_target = None
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._target_for_drop(event)
        self.arch_scene.highlight_target(None)
        self._drop_target = None
        if target is None:
            super().dropEvent(event)
            return
        document = self.arch_scene.document
        if not target.allowed:
            document.status_message.emit(f"Refused: {target.reason}")
            event.ignore()
            return
        scene_pos = self.mapToScene(event.position().toPoint())
        local = target.container.mapFromScene(scene_pos) if target.container is not None else scene_pos
        mime = event.mimeData()
        new_id: str | None
        if mime.hasFormat(SERVICE_MIME):
            type_id = bytes(mime.data(SERVICE_MIME).data()).decode("utf-8")
            x, y = local.x() - SERVICE_WIDTH / 2, local.y() - SERVICE_HEIGHT / 2
            if target.container is not None:  # keep the new service clear of the header
                x, y = max(x, 8.0), max(y, styles.HEADER_HEIGHT + 4)
            new_id = document.add_service(type_id, target.parent_id, x, y)
        else:
            kind, fields = CONTAINER_PAYLOADS[bytes(mime.data(CONTAINER_MIME).data()).decode("utf-8")]
            x, y = local.x(), local.y()
            if target.container is not None:
                x, y = max(x, 8.0), max(y, styles.HEADER_HEIGHT + 4)
            new_id = document.add_container(kind, target.parent_id, x, y, **fields)
        if new_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        node = document.architecture.node(new_id)
        parent = document.architecture.node(node.parent_id).label if node.parent_id else "the canvas"
        document.status_message.emit(f"Added {node.label} to {parent}")
        self.arch_scene.select_nodes([new_id])
        self.setFocus()


def _shift_as_ctrl(event: QMouseEvent) -> QMouseEvent:
    """Shift adds to the selection, as in other editors; Qt's own modifier for that is Ctrl."""
    if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        return event
    return QMouseEvent(
        event.type(),
        event.position(),
        event.globalPosition(),
        event.button(),
        event.buttons(),
        event.modifiers() | Qt.KeyboardModifier.ControlModifier,
    )
