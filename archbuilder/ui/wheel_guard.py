"""The mouse wheel scrolls the panel under it and never changes a spin box or a drop-down the user has not
clicked into: a value changed that way is easy to miss (a deregistration delay went from 300 to 286 while
the panel was being scrolled, and was saved)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QAbstractSpinBox | QComboBox):
            return False
        if watched.hasFocus():
            return False
        parent = watched.parentWidget()
        if parent is not None:
            QCoreApplication.sendEvent(parent, event)  # the panel scrolls as if the field were not there
        return True


_guard: _WheelGuard | None = None


def guard_wheel(widget: QWidget) -> None:
    """Let `widget` (a spin box or a drop-down) take the wheel only once it has the keyboard focus."""
    global _guard
    if _guard is None:
        _guard = _WheelGuard()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_guard)
