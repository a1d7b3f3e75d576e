"""Driving a real ArchitectureView: scene points to viewport points, drags, palette drops."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent

from archbuilder.canvas.view import ArchitectureView


def viewport_point(view: ArchitectureView, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def landed(view: ArchitectureView, scene_point: QPointF) -> QPointF:
    """The scene point a viewport event aimed at `scene_point` really carries (pixel rounding)."""
    return view.mapToScene(view.mapFromScene(scene_point))


def drag(
    qtbot,
    view: ArchitectureView,
    start: QPointF,
    end: QPointF,
    steps: int = 8,
    modifier=Qt.KeyboardModifier.NoModifier,
) -> None:
    viewport = view.viewport()
    a, b = viewport_point(view, start), viewport_point(view, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    for step in range(1, steps + 1):
        qtbot.mouseMove(viewport, a + (b - a) * step / steps)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def click(qtbot, view: ArchitectureView, point: QPointF, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, viewport_point(view, point))


def _mime(mime_type: str, payload: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(mime_type, QByteArray(payload.encode("utf-8")))
    return mime


def drop(view: ArchitectureView, mime_type: str, payload: str, scene_point: QPointF) -> QDropEvent:
    """Drop palette data on the view directly (QDrag.exec would block in a test)."""
    mime = _mime(mime_type, payload)
    event = QDropEvent(
        QPointF(viewport_point(view, scene_point)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    return event


def hover_drag(view: ArchitectureView, mime_type: str, payload: str, scene_point: QPointF) -> QDragMoveEvent:
    mime = _mime(mime_type, payload)
    event = QDragMoveEvent(
        viewport_point(view, scene_point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dragMoveEvent(event)
    return event
