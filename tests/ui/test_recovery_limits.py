"""Recovery copies are held to the size limit of a design (20 MB as archbuilder saves it), as opening and saving
are: autosave writes no copy over it (the last copy, which opens, is kept), and a copy over it (left by an older
version, or grown by hand) is listed with the reason and kept, never offered to recover or to save elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from archbuilder.editor.autosave import Autosaver, find_recoverable
from archbuilder.editor.document import Document
from archbuilder.model import dumps
from archbuilder.model.document import TemplateSections
from archbuilder.model.serialization import MAX_FILE_BYTES
from archbuilder.ui.main_window import MainWindow
from archbuilder.ui.recovery_dialog import RecoveryDialog


def crash_with_unsaved(folder: Path, name: str, autosaved_at: float) -> Path:
    """An instance names a new design, autosaves and dies (its lock goes with it). Returns its recovery copy."""
    document = Document()
    document.set_metadata("name", name)
    saver = Autosaver(document, folder)
    assert saver.save_now()
    saver._lock.unlock()
    saver._timer.stop()
    os.utime(saver.recovery_file, (autosaved_at, autosaved_at))
    return saver.recovery_file


def buttons(dialog: RecoveryDialog) -> tuple[bool, bool, bool]:
    return (
        dialog.recover_button.isEnabled(),
        dialog.save_button.isEnabled(),
        dialog.discard_button.isEnabled(),
    )


def test_a_recovery_copy_over_the_limit_is_listed_with_why_and_never_opened(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "recovery"
    crash_with_unsaved(folder, "small", 1_700_000_000)
    big = crash_with_unsaved(folder, "big", 1_700_000_300)
    # The design itself, then spaces up to one byte over the limit: valid JSON, but over it.
    padded = big.read_bytes() + b" " * (MAX_FILE_BYTES + 1 - big.stat().st_size)
    big.write_bytes(padded)
    os.utime(big, (1_700_000_300, 1_700_000_300))
    items = find_recoverable(folder)
    assert [(item.name, item.problem) for item in items] == [
        ("big", "21.0 MB, over the 20 MB limit of a design"),
        ("small", ""),
    ]

    dialog = RecoveryDialog(items)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.item(0).text() == (
        f"big\ncannot be recovered: 21.0 MB, over the 20 MB limit of a design · kept in {big}"
    )
    assert buttons(dialog) == (
        False,
        False,
        True,
    )  # only Discard (and Decide Later) for the copy over the limit
    dialog.recover_selected()  # a double click on its line
    assert dialog.chosen is None and dialog.isVisible()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    target = tmp_path / "copy.arch.json"
    assert not dialog.save_copy_to(target)
    assert warnings == [f"{big}: 21.0 MB is over the 20 MB limit"]
    assert not target.exists()
    dialog.list.setCurrentRow(1)
    assert buttons(dialog) == (True, True, True)

    # Recovering it anyway (the window's own path) is one clear error; the copy stays as it was.
    window = MainWindow(
        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), recovery_dir=folder
    )
    qtbot.addWidget(window)
    errors: list[tuple[str, str]] = []
    window.report_error = lambda title, text: errors.append((title, text))  # type: ignore[method-assign]
    assert not window.recover(items[0])
    assert errors == [("Cannot recover", f"{big}: 21.0 MB is over the 20 MB limit")]
    assert window.document.architecture.nodes == {}
    assert big.read_bytes() == padded
    assert [item.name for item in find_recoverable(folder)] == ["big", "small"]


def test_autosave_writes_no_copy_over_the_limit_and_keeps_the_last_one(qapp, tmp_path: Path) -> None:
    document = Document()
    document.set_metadata("name", "growing")
    saver = Autosaver(document, tmp_path / "recovery")
    assert saver.save_now()
    last = saver.recovery_file.read_bytes()
    messages: list[str] = []
    document.status_message.connect(messages.append)
    # Grown past the limit (as by an import keeping a template's large mappings): 21 MB saved.
    mappings = {"Sizes": {f"Key{index}": "x" * 10_000 for index in range(2_100)}}
    document.architecture.set_template_sections(TemplateSections(mappings=mappings))
    saved = len(dumps(document.architecture).encode("utf-8"))
    assert saved == 21_047_563
    assert not saver.save_now()
    assert messages == [
        "Not autosaved: the design would be 21.0 MB saved, over the 20 MB limit of a design; "
        "the last recovery copy is kept"
    ]
    assert saver.recovery_file.read_bytes() == last
    saver.shutdown()
