"""Edit › Preferences sets the autosave interval: kept in the settings, applied to the running autosave at
once, shown again when the dialog reopens, bounded to 5 s – 1 h; Cancel changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from archbuilder.editor.autosave import autosave_interval_ms
from archbuilder.ui.main_window import MainWindow
from archbuilder.ui.preferences_dialog import PreferencesDialog


def _open(window: MainWindow, qtbot) -> PreferencesDialog:
    window.menu_actions["preferences"].trigger()
    (dialog,) = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()]
    qtbot.waitExposed(dialog)
    return dialog


def _press(qtbot, dialog: PreferencesDialog, button: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_the_autosave_interval_is_set_in_preferences_and_applied_at_once(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    assert window.autosaver.interval_ms == 60_000
    dialog = _open(window, qtbot)
    assert dialog.autosave.value() == 60
    assert (dialog.autosave.minimum(), dialog.autosave.maximum()) == (5, 3600)
    dialog.autosave.selectAll()
    qtbot.keyClicks(dialog.autosave, "15")
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    assert window.autosaver.interval_ms == 15_000
    assert window.settings.value("autosave/interval_seconds") in (15, "15")
    window.settings.sync()
    stored = QSettings(window.settings.fileName(), QSettings.Format.IniFormat)
    assert autosave_interval_ms(stored) == 15_000  # the next start autosaves every 15 s too
    again = _open(window, qtbot)
    assert again.autosave.value() == 15
    _press(qtbot, again, QDialogButtonBox.StandardButton.Cancel)


def test_cancel_keeps_the_interval(window: MainWindow, qtbot) -> None:
    dialog = _open(window, qtbot)
    dialog.autosave.setValue(300)
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert window.autosaver.interval_ms == 60_000
    assert window.settings.value("autosave/interval_seconds") is None


def test_the_interval_typed_is_kept_within_bounds(window: MainWindow, qtbot) -> None:
    dialog = _open(window, qtbot)
    dialog.autosave.setValue(99_999)
    assert dialog.autosave.value() == 3600
    dialog.autosave.setValue(1)
    assert dialog.autosave.value() == 5
    _press(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert window.autosaver.interval_ms == 5_000
