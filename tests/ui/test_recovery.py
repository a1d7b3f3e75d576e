"""Recovery after crashes that left several unsaved designs: each is listed, and can be recovered, saved or dropped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from archbuilder.editor.autosave import Autosaver, Recoverable, find_recoverable
from archbuilder.editor.document import Document
from archbuilder.model import dumps, load
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow
from archbuilder.ui.recovery_dialog import RecoveryDialog, describe

THREE_TIER = Path(str(example_path("three-tier-web")))


def crash_with_unsaved(folder: Path, name: str, autosaved_at: float, original: Path | None = None) -> str:
    """An instance edits a design, autosaves, and dies (its lock goes with it). Returns the saved JSON."""
    document = Document()
    if original is not None:
        document.open(original)
        document.move_items({"orders-db": (1.0, 2.0)})
    else:
        document.add_service("s3_bucket", "region", 0, 0)
    document.set_metadata("name", name)
    saver = Autosaver(document, folder)
    assert saver.save_now()
    saver._lock.unlock()
    saver._timer.stop()
    os.utime(saver.recovery_file, (autosaved_at, autosaved_at))
    return dumps(document.architecture)


@pytest.fixture
def three_crashes(qapp, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "recovery"
    saved = {
        "oldest": crash_with_unsaved(folder, "oldest", 1_700_000_000),
        "newest": crash_with_unsaved(folder, "newest", 1_700_000_300, THREE_TIER),
        "middle": crash_with_unsaved(folder, "middle", 1_700_000_100),
    }
    return folder, saved


def fresh_window(qtbot, tmp_path: Path, folder: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings, recovery_dir=folder)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    return window


def test_every_recovery_file_is_listed_newest_first(qtbot, three_crashes) -> None:
    folder, _saved = three_crashes
    items = find_recoverable(folder)
    assert [item.name for item in items] == ["newest", "middle", "oldest"]
    dialog = RecoveryDialog(items)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert texts == [describe(item) for item in items]
    assert texts[0].startswith(f"newest\n{THREE_TIER} · autosaved ")
    assert texts[1].startswith("middle\nnever saved to a file · autosaved ")
    assert dialog.selected() == items[0]


def test_discard_one_save_another_recover_the_third(qtbot, tmp_path: Path, three_crashes) -> None:
    folder, saved = three_crashes
    window = fresh_window(qtbot, tmp_path, folder)
    kept = tmp_path / "kept.arch.json"

    def answer(items: list[Recoverable]) -> Recoverable | None:
        dialog = RecoveryDialog(items, window)
        dialog.show()
        dialog.list.setCurrentRow(2)  # oldest
        qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
        assert [item.name for item in dialog.items()] == ["newest", "middle"]
        dialog.list.setCurrentRow(1)  # middle
        assert dialog.save_copy_to(kept)
        assert [item.name for item in dialog.items()] == ["newest"]
        dialog.list.setCurrentRow(0)
        qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
        return dialog.chosen

    window.choose_recovery = answer  # type: ignore[method-assign]
    assert window.offer_recovery(find_recoverable(folder))
    assert dumps(window.document.architecture) == saved["newest"]
    assert window.document.path == THREE_TIER
    assert window.document.is_modified
    assert kept.read_text(encoding="utf-8") == saved["middle"]
    assert dumps(load(kept)) == saved["middle"]
    assert find_recoverable(folder) == []  # the recovered one is this window's now, under its lock
    own = window.autosaver.session
    assert sorted(p.name for p in folder.iterdir()) == [f"{own}.arch.json", f"{own}.json", f"{own}.lock"]
    assert (folder / f"{own}.arch.json").read_text(encoding="utf-8") == saved["newest"]


def test_decide_later_keeps_every_file_for_the_next_start(qtbot, tmp_path: Path, three_crashes) -> None:
    folder, _saved = three_crashes
    window = fresh_window(qtbot, tmp_path, folder)

    def answer(items: list[Recoverable]) -> Recoverable | None:
        dialog = RecoveryDialog(items, window)
        dialog.show()
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == RecoveryDialog.DialogCode.Rejected
        return dialog.chosen

    window.choose_recovery = answer  # type: ignore[method-assign]
    assert not window.offer_recovery(find_recoverable(folder))
    assert window.document.architecture.nodes == {}
    assert [item.name for item in find_recoverable(folder)] == ["newest", "middle", "oldest"]


def test_a_truncated_recovery_file_is_reported_and_kept(
    qtbot, tmp_path: Path, three_crashes, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _saved = three_crashes
    [newest, *_rest] = find_recoverable(folder)
    full = newest.document.read_bytes()
    newest.document.write_bytes(full[: len(full) // 2])  # the crash cut the write short
    window = fresh_window(qtbot, tmp_path, folder)
    errors: list[tuple[str, str]] = []
    window.report_error = lambda title, text: errors.append((title, text))  # type: ignore[method-assign]
    assert not window.recover(newest)
    assert [title for title, _text in errors] == ["Cannot recover"]
    assert errors[0][1].startswith(str(newest.document))
    assert newest.document.read_bytes() == full[: len(full) // 2]
    assert window.document.architecture.nodes == {}

    dialog = RecoveryDialog(find_recoverable(folder))
    qtbot.addWidget(dialog)
    warnings: list[str] = []
    target = tmp_path / "copy.arch.json"
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    assert not dialog.save_copy_to(target)
    assert not target.exists()
    assert len(warnings) == 1 and warnings[0].startswith(str(newest.document))
    assert [item.name for item in dialog.items()] == ["newest", "middle", "oldest"]


def test_recovered_work_survives_a_second_crash_until_it_is_saved(
    qtbot, tmp_path: Path, three_crashes
) -> None:
    folder, saved = three_crashes
    window = fresh_window(qtbot, tmp_path, folder)
    newest = find_recoverable(folder)[0]
    window.choose_recovery = lambda items: items[0]  # type: ignore[method-assign]
    assert window.offer_recovery(find_recoverable(folder))
    assert newest.document.read_text(encoding="utf-8") == saved["newest"]  # kept, not deleted at once
    window.document.set_metadata("name", "newest, edited after recovery")
    assert window.autosaver.save_now()
    # The second crash, before any save: the next start offers the work again, with the later edit.
    window.autosaver._lock.unlock()
    window.autosaver._timer.stop()
    again = find_recoverable(folder)
    assert [item.name for item in again] == ["newest, edited after recovery", "middle", "oldest"]
    assert again[0].document == newest.document


def test_saving_recovered_work_removes_its_recovery_copy(qtbot, tmp_path: Path, three_crashes) -> None:
    folder, _saved = three_crashes
    window = fresh_window(qtbot, tmp_path, folder)
    newest = find_recoverable(folder)[0]
    window.choose_recovery = lambda items: items[0]  # type: ignore[method-assign]
    assert window.offer_recovery(find_recoverable(folder))
    window.document.save(tmp_path / "recovered.arch.json")
    assert not newest.document.exists()
    assert sorted(p.name for p in folder.iterdir() if newest.session in p.name) == [f"{newest.session}.lock"]
