"""Autosave to a recovery folder (never over the user's file) and crash recovery, one lock per running instance.

Each running instance owns `<session>.lock` (a QLockFile) and writes `<session>.arch.json` plus a small
`<session>.json` naming the user's file. A clean exit deletes all three. At start-up, recovery files whose lock
is not held by a live instance are left over from a crash and are offered for recovery.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSettings, QStandardPaths, QTimer

from archbuilder.editor.document import Document
from archbuilder.fileio import FileError, remove_dead_temporaries, write_atomic
from archbuilder.model import Architecture, dumps, loads

AUTOSAVE_INTERVAL_MS = 60_000


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or str(
        Path.home() / ".archbuilder"
    )
    return Path(base) / "recovery"


@dataclass(frozen=True)
class Recoverable:
    session: str
    document: Path
    original: Path | None
    name: str


def find_recoverable(folder: Path) -> list[Recoverable]:
    """Recovery files left by instances that are no longer running, the most recently autosaved first."""
    found: list[Recoverable] = []
    if not folder.is_dir():
        return found
    for data in sorted(folder.glob("*.arch.json")):
        session = data.name.removesuffix(".arch.json")
        lock = QLockFile(str(folder / f"{session}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a live instance still owns it
        lock.unlock()
        meta_path = folder / f"{session}.json"
        original: Path | None = None
        name = session
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            original = Path(meta["original"]) if meta.get("original") else None
            name = str(meta.get("name", session))
        except (OSError, ValueError, KeyError):
            pass
        found.append(Recoverable(session, data, original, name))
    return sorted(found, key=_autosaved_at, reverse=True)


def _autosaved_at(item: Recoverable) -> float:
    try:
        return item.document.stat().st_mtime
    except OSError:  # removed meanwhile: sorts last
        return 0.0


def load_recoverable(item: Recoverable) -> Architecture:
    return loads(item.document.read_bytes(), str(item.document))


def save_copy(item: Recoverable, target: Path) -> None:
    """Keep a recovered design in a file of the user's choosing, then forget the recovery copy.

    The recovery file is checked (it may be truncated by the crash) before anything is written, and the copy is
    written atomically, so a failure leaves both the target and the recovery file as they were."""
    data = item.document.read_bytes()
    loads(data, str(item.document))
    write_atomic(target, data)
    discard(item)


def discard(item: Recoverable) -> None:
    for suffix in (".arch.json", ".json", ".lock"):
        (item.document.parent / f"{item.session}{suffix}").unlink(missing_ok=True)


def clean_recovery_folder(folder: Path) -> list[Path]:
    """Remove what crashed instances leave behind besides their recovery copies: lock files of dead instances
    with no recovery copy beside them, and the temporary files of saves a kill interrupted."""
    removed = remove_dead_temporaries(folder)
    for lock_path in folder.glob("*.lock"):
        session = lock_path.name.removesuffix(".lock")
        if (folder / f"{session}.arch.json").exists():
            continue  # a recovery copy: find_recoverable offers it, discard removes its lock with it
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()  # removes the file; it was no live instance's
            (folder / f"{session}.json").unlink(missing_ok=True)
            removed.append(lock_path)
    return removed


AUTOSAVE_SETTING = "autosave/interval_seconds"
MIN_AUTOSAVE_SECONDS, MAX_AUTOSAVE_SECONDS = 5, 3600


def autosave_interval_ms(settings: QSettings) -> int:
    """The autosave interval the user set (Edit › Preferences; 5 s to an hour), else 60 s."""
    try:
        seconds = int(str(settings.value(AUTOSAVE_SETTING, AUTOSAVE_INTERVAL_MS // 1000)))
    except (TypeError, ValueError):
        return AUTOSAVE_INTERVAL_MS
    return min(max(MIN_AUTOSAVE_SECONDS, seconds), MAX_AUTOSAVE_SECONDS) * 1000


class Autosaver(QObject):
    def __init__(
        self, document: Document, folder: Path | None = None, interval_ms: int = AUTOSAVE_INTERVAL_MS
    ) -> None:
        super().__init__(document)
        self._document = document
        self.folder = folder or default_recovery_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        clean_recovery_folder(self.folder)
        self.session = uuid.uuid4().hex[:12]
        self._lock = QLockFile(str(self.folder / f"{self.session}.lock"))
        self._lock.tryLock(0)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
        self._timer.start()
        document.modified_changed.connect(self._on_modified)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        """Autosave every `interval_ms` from now on (the timer starts over)."""
        self._timer.start(interval_ms)

    @property
    def recovery_file(self) -> Path:
        return self.folder / f"{self.session}.arch.json"

    def adopt(self, item: Recoverable) -> None:
        """Take over a recovered session: its recovery copy stays on disk, under this instance's lock, and is
        autosaved over until the recovered work is saved (or discarded). Deleting it at once lost the work
        to a second crash within the autosave interval."""
        lock = QLockFile(str(self.folder / f"{item.session}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            return  # another instance took it meanwhile: it stays theirs
        self._remove_files()
        self._lock.unlock()
        self.session, self._lock = item.session, lock

    def _on_modified(self, modified: bool) -> None:
        if not modified:
            self._remove_files()

    def save_now(self) -> bool:
        """Write the recovery copy if the document has unsaved changes."""
        if not self._document.is_modified:
            return False
        try:
            write_atomic(self.recovery_file, dumps(self._document.architecture).encode("utf-8"))
            meta = {
                "original": str(self._document.path) if self._document.path else None,
                "name": self._document.architecture.metadata.name,
            }
            write_atomic(self.folder / f"{self.session}.json", json.dumps(meta).encode("utf-8"))
        except FileError:
            return False
        return True

    def _remove_files(self) -> None:
        self.recovery_file.unlink(missing_ok=True)
        (self.folder / f"{self.session}.json").unlink(missing_ok=True)

    def shutdown(self) -> None:
        """Clean exit: nothing to recover."""
        self._timer.stop()
        self._remove_files()
        self._lock.unlock()
