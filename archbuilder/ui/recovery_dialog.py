"""After a crash: every unsaved design left in the recovery folder, newest first, to recover, keep or discard.

Several instances may have crashed (or one crashed several times) before this start, so there can be more than
one recovery file. Only one design opens in this window; the others can be saved to a file of the user's
choosing, discarded, or left for the next start ("Decide later" keeps them all).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archbuilder.editor.autosave import Recoverable, discard, save_copy
from archbuilder.fileio import FileError
from archbuilder.model import DocumentError


def describe(item: Recoverable) -> str:
    """Two lines per recovery file: the design's name, then where it came from and when it was last autosaved
    (or why it cannot be opened, and where it is kept)."""
    if item.problem:
        return f"{item.name}\ncannot be recovered: {item.problem} · kept in {item.document}"
    where = str(item.original) if item.original else "never saved to a file"
    try:
        stamp = datetime.fromtimestamp(item.document.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        stamp = "at an unknown time"
    return f"{item.name}\n{where} · autosaved {stamp}"


class RecoveryDialog(QDialog):
    def __init__(self, items: list[Recoverable], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.chosen: Recoverable | None = None
        self.list = QListWidget(self)
        for item in items:
            entry = QListWidgetItem(describe(item))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            # Plain text: names come from documents and must never be read as rich text.
            entry.setToolTip(str(item.document))
            self.list.addItem(entry)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _entry: self.recover_selected())
        intro = QLabel(
            "archbuilder did not close normally. These designs had unsaved changes; "
            "open one here, save others to a file, or discard what you do not need.",
            self,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.recover_button = QPushButton("Recover", self)
        self.save_button = QPushButton("Save Copy As…", self)
        self.discard_button = QPushButton("Discard", self)
        self.later_button = QPushButton("Decide Later", self)
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(self.recover_selected)
        self.save_button.clicked.connect(self._ask_and_save_copy)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.resize(760, 320)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()

    def items(self) -> list[Recoverable]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]

    def selected(self) -> Recoverable | None:
        entry = self.list.currentItem()
        return None if entry is None else entry.data(Qt.ItemDataRole.UserRole)

    def recover_selected(self) -> None:
        item = self.selected()
        if item is None or item.problem:
            return  # a copy that cannot be opened is never recovered (its line says why)
        self.chosen = item
        self.accept()

    def discard_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        discard(item)
        self._drop_current()

    def save_copy_to(self, target: Path) -> bool:
        """Write the selected recovery file to `target` (atomically) and forget it; False if it could not."""
        item = self.selected()
        if item is None:
            return False
        try:
            save_copy(item, target)
        except (DocumentError, FileError) as exc:
            QMessageBox.warning(self, "Cannot save copy", str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self, "Cannot save copy", f"{exc.filename or target}: {exc.strerror or exc}")
            return False
        self._drop_current()
        return True

    def _ask_and_save_copy(self) -> None:
        item = self.selected()
        if item is None:
            return
        start = str(item.original) if item.original else f"{item.name}.arch.json"
        path, _ = QFileDialog.getSaveFileName(
            self, "Save Copy As", start, "archbuilder designs (*.arch.json)"
        )
        if path:
            self.save_copy_to(Path(path))

    def _drop_current(self) -> None:
        self.list.takeItem(self.list.currentRow())
        if self.list.count() == 0:
            self.reject()
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        opens = item is not None and not item.problem
        self.recover_button.setEnabled(opens)
        self.save_button.setEnabled(opens)
        self.discard_button.setEnabled(item is not None)
