"""What crashed instances leave in the recovery folder besides their recovery copies is cleaned at start, and
the autosave interval is a setting."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings

from archbuilder.editor.autosave import (
    AUTOSAVE_INTERVAL_MS,
    Autosaver,
    autosave_interval_ms,
    find_recoverable,
)
from archbuilder.editor.document import Document

_LOCK_AND_DIE = (
    "import os, sys, time\n"
    "from PySide6.QtCore import QLockFile\n"
    "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\n"
    "print(os.getpid(), flush=True); time.sleep(60)\n"
)


def _stale_lock(path: Path) -> int:
    """A lock file left by a process killed with SIGKILL; returns its process id."""
    process = subprocess.Popen(
        [sys.executable, "-c", _LOCK_AND_DIE, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    pid = int(process.stdout.readline())
    os.kill(pid, signal.SIGKILL)
    process.wait()
    return pid


def test_start_removes_stale_locks_and_temporary_files_of_dead_instances(qapp, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    dead = _stale_lock(folder / "crashed.lock")
    _stale_lock(folder / "kept.lock")
    (folder / "kept.arch.json").write_text("{}", encoding="utf-8")  # a recovery copy: offered, not cleaned
    (folder / f".crashed.arch.json.{dead}.k2j4h5.tmp").write_text("half a save", encoding="utf-8")
    live = QLockFile(str(folder / "live.lock"))
    assert live.tryLock(0)  # an instance still running, not yet autosaved
    saver = Autosaver(Document(), folder)
    own = f"{saver.session}.lock"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["kept.arch.json", "kept.lock", "live.lock", own]
    )
    assert [item.session for item in find_recoverable(folder)] == ["kept"]
    saver.shutdown()
    live.unlock()


def test_the_autosave_interval_is_a_setting(qapp, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert autosave_interval_ms(settings) == AUTOSAVE_INTERVAL_MS == 60_000
    settings.setValue("autosave/interval_seconds", 120)
    assert autosave_interval_ms(settings) == 120_000
    settings.setValue("autosave/interval_seconds", 1)
    assert autosave_interval_ms(settings) == 5_000  # never more often than every five seconds
    settings.setValue("autosave/interval_seconds", 86_400)
    assert autosave_interval_ms(settings) == 3_600_000  # nor less often than every hour
    settings.setValue("autosave/interval_seconds", "often")
    assert autosave_interval_ms(settings) == 60_000
    settings.setValue("autosave/interval_seconds", 30)
    saver = Autosaver(Document(), tmp_path / "r", autosave_interval_ms(settings))
    assert saver._timer.interval() == 30_000
    saver.shutdown()
