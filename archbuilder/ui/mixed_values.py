"""Several services selected whose values of a field differ: the field's editor says "(mixed)" instead of
showing a value none of them may have (an unticked box, 0, an empty text), and what it reports when focus
merely passes through (`show_mixed`'s return) is not taken for an edit, so no value is overwritten by accident.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

MIXED = "(mixed)"
_USUAL_PLACEHOLDER = "usual_placeholder"  # the editor's own placeholder, kept while it says "(mixed)"


def show_mixed(editor: QWidget) -> Any:
    """Make `editor` say the selected services' values differ; returns the value it reports untouched."""
    if isinstance(editor, QCheckBox):
        editor.setTristate(True)
        editor.setCheckState(Qt.CheckState.PartiallyChecked)
        return None  # a click reports True or False: always an edit
    if isinstance(editor, QComboBox):
        editor.setPlaceholderText(MIXED)
        editor.setCurrentIndex(-1)
        return None
    if isinstance(editor, QAbstractSpinBox):
        editor.setSpecialValueText(MIXED)  # shown while the value is the minimum
        minimum = editor.minimum()  # type: ignore[attr-defined]
        editor.setValue(minimum)  # type: ignore[attr-defined]
        return minimum
    if isinstance(editor, QLineEdit | QPlainTextEdit):
        if editor.property(_USUAL_PLACEHOLDER) is None:
            editor.setProperty(_USUAL_PLACEHOLDER, editor.placeholderText())
        editor.setPlaceholderText(MIXED)
        if isinstance(editor, QLineEdit):
            editor.setText("")
            return ""
        editor.setPlainText("")
        return None  # an empty JSON field reads as no value
    return None


def show_agreed(editor: QWidget) -> None:
    """Undo `show_mixed` before the value all the services share is shown."""
    if isinstance(editor, QCheckBox):
        editor.setTristate(False)
    elif isinstance(editor, QComboBox):
        editor.setPlaceholderText("")
    elif isinstance(editor, QAbstractSpinBox):
        editor.setSpecialValueText("")
    elif isinstance(editor, QLineEdit | QPlainTextEdit):
        usual = editor.property(_USUAL_PLACEHOLDER)
        if usual is not None:
            editor.setPlaceholderText(usual)
            editor.setProperty(_USUAL_PLACEHOLDER, None)
