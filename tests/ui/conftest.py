"""A real main window with its settings and recovery folder in the test's own temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from archbuilder.ui.main_window import MainWindow


@pytest.fixture
def errors() -> list[tuple[str, str]]:
    """The error dialogs the window showed (title, text), answered instead of blocking."""
    return []


@pytest.fixture
def window(qtbot, tmp_path: Path, errors: list[tuple[str, str]]) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery_dir=tmp_path / "recovery")
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.report_error = lambda title, text: errors.append((title, text))  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
