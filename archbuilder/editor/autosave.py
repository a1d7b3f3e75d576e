"""Autosave to a recovery folder (never over the user's file) and crash recovery, one lock per running instance.

Each running instance owns `<session>.lock` (a QLockFile) and writes `<session>.arch.json` plus a small
`<session>.json` naming the user's file. A clean exit deletes all three. At start-up, recovery files whose lock
is not held by a live instance are left over from a crash and are offered for recovery.
"""

from __future__ import annotations

import json
import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSettings, QStandardPaths, QTimer

from archbuilder.editor.document import Document
from archbuilder.fileio import (
    FileError,
    limit_text,
    read_regular_file,
    remove_dead_temporaries,
    size_text,
    write_atomic,
)
from archbuilder.model import Architecture, DocumentError, dumps, load, loads
from archbuilder.model.serialization import MAX_FILE_BYTES, saved_size_error, size_error

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
    # Why the copy cannot be opened (over the size limit of a design, not a regular file), or "" when it can:
    # such a copy is listed with the reason and kept, never offered to recover.
    problem: str = ""


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
        found.append(Recoverable(session, data, original, name, _cannot_open(data)))
    return sorted(found, key=_autosaved_at, reverse=True)


def _cannot_open(document: Path) -> str:
    """Why the recovery copy cannot be opened as a design, told from the file alone; "" when it may be."""
    try:
        status = os.stat(document)
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file"
    if status.st_size > MAX_FILE_BYTES:
        return f"{size_text(status.st_size)}, over the {limit_text(MAX_FILE_BYTES)} limit of a design"
    return ""


def _autosaved_at(item: Recoverable) -> float:
    try:
        return item.document.stat().st_mtime
    except OSError:  # removed meanwhile: sorts last
        return 0.0


def load_recoverable(item: Recoverable) -> Architecture:
    """The recovered design, opened as any design file is: read with a bound, and refused (DocumentError) when
    it would not save to a file that opens again."""
    return load(item.document)


def save_copy(item: Recoverable, target: Path) -> None:
    """Keep a recovered design in a file of the user's choosing, then forget the recovery copy.

    The recovery file is checked (it may be truncated by the crash) before anything is written, and the copy is
    written atomically, so a failure leaves both the target and the recovery file as they were. A copy that
    would not open (over the size limit of a design) is not written."""
    data = read_regular_file(item.document, MAX_FILE_BYTES)
    too_big = saved_size_error(loads(data, str(item.document)))
    if too_big:
        raise DocumentError(f"{item.document}: the design would be {too_big}; nothing was written")
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
        payload = dumps(self._document.architecture).encode("utf-8")
        too_big = size_error(len(payload))
        if too_big:
            # As a save over the limit: nothing is written, the last recovery copy (which opens) is kept.
            self._document.status_message.emit(
                f"Not autosaved: the design would be {too_big}; the last recovery copy is kept"
            )
            return False
        try:
            write_atomic(self.recovery_file, payload)
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
