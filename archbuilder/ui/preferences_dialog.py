"""Preferences: how often unsaved work is copied to the recovery folder (the autosave interval).

The interval is kept in the settings (autosave/interval_seconds, read by editor/autosave.py at start) and
applied to the running autosave timer at once.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from archbuilder.editor.autosave import (
    AUTOSAVE_SETTING,
    MAX_AUTOSAVE_SECONDS,
    MIN_AUTOSAVE_SECONDS,
    autosave_interval_ms,
)


class PreferencesDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.autosave = QSpinBox(self)
        self.autosave.setRange(MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS)
        self.autosave.setSuffix(" s")
        self.autosave.setMinimumWidth(90)
        self.autosave.setValue(autosave_interval_ms(settings) // 1000)
        self.autosave.setToolTip(
            "How often a design with unsaved changes is copied to the recovery folder, "
            "from which it is offered back after a crash"
        )
        form = QFormLayout()
        form.addRow("Autosave unsaved work every", self.autosave)
        note = QLabel(
            f"From {MIN_AUTOSAVE_SECONDS} seconds to an hour ({MAX_AUTOSAVE_SECONDS} s). A shorter interval "
            "loses less work to a crash; the copy is taken only while there are unsaved changes."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        self.settings.setValue(AUTOSAVE_SETTING, self.autosave.value())
        super().accept()

    def interval_ms(self) -> int:
        return self.autosave.value() * 1000
