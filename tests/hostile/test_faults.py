"""Faults while saving and exporting — a full disk, a read-only file system, a rename that fails, the process
killed with SIGKILL in the middle of a write: the previous file or export folder survives byte-identical, the
error is one line naming the file, and no temporary file is left once the next save or export has run."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archbuilder import fileio
from archbuilder.cli.main import main
from archbuilder.exporters.registry import ExportError, export
from archbuilder.model import DocumentError, dumps, load, save
from archbuilder.resource_files import example_path
from tests.model.builders import two_az_network


def _failing(errno_code: int, after: int = 0, *, once: bool = False) -> Callable[..., Any]:
    """A stand-in for an os function that works `after` times, then fails with `errno_code` (only that once if
    `once`, as a rename refused for a moment)."""
    calls = {"count": 0}

    def fail(*args: Any, **kwargs: Any) -> Any:
        calls["count"] += 1
        if calls["count"] > after and not (once and calls["count"] > after + 1):
            raise OSError(errno_code, os.strerror(errno_code))
        return REAL[fail.name](*args, **kwargs)  # type: ignore[attr-defined]

    return fail


REAL = {"replace": os.replace, "fsync": os.fsync, "link": os.link}


def _patch(
    monkeypatch: pytest.MonkeyPatch, name: str, errno_code: int, after: int = 0, *, once: bool = False
) -> None:
    stand_in = _failing(errno_code, after, once=once)
    stand_in.name = name  # type: ignore[attr-defined]
    monkeypatch.setattr(os, name, stand_in)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "shop.arch.json"
    save(two_az_network(), path)
    return path


def _changed() -> Any:
    arch = two_az_network()
    arch.set_metadata("name", "Changed")
    return arch


@pytest.mark.parametrize(
    ("function", "errno_code", "words"),
    [
        ("replace", errno.ENOSPC, "No space left on device"),
        ("fsync", errno.ENOSPC, "No space left on device"),
        ("replace", errno.EROFS, "Read-only file system"),
        ("fsync", errno.EIO, "Input/output error"),
    ],
)
def test_a_failed_save_keeps_the_previous_file(
    saved: Path, monkeypatch: pytest.MonkeyPatch, function: str, errno_code: int, words: str
) -> None:
    before = saved.read_bytes()
    _patch(monkeypatch, function, errno_code)
    with pytest.raises(DocumentError) as caught:
        save(_changed(), saved)
    assert str(caught.value) == f"{saved}: could not save: {words}"
    assert saved.read_bytes() == before
    assert _leftovers(saved.parent) == []


def test_a_save_into_a_read_only_folder_says_so_and_changes_nothing(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, whom permission bits do not stop: the file system's refusal is simulated.
    before = saved.read_bytes()

    def read_only(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(DocumentError, match=r"shop\.arch\.json: cannot write in .*: Read-only file system$"):
        save(_changed(), saved)
    assert saved.read_bytes() == before


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    out = tmp_path / "tf"
    export("terraform", load(example_path("three-tier-web")), out)
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")  # a file of the user's beside the export
    return out


@pytest.mark.parametrize(
    ("function", "errno_code", "after", "once"),
    [
        ("fsync", errno.ENOSPC, 0, False),  # the disk is full before the first file is on it
        ("fsync", errno.ENOSPC, 3, False),  # ... after three of the five files
        ("replace", errno.ENOSPC, 0, True),  # the first rename of the swap fails
        ("replace", errno.ENOSPC, 2, True),  # a rename fails while the staged files are moved in
        ("replace", errno.EROFS, 4, True),  # the last rename of the swap fails: the four before are put back
        ("link", errno.EMLINK, 2, False),  # keeping a previous file fails during the swap
    ],
)
def test_a_failed_export_leaves_the_previous_export_as_it_was(
    exported: Path, monkeypatch: pytest.MonkeyPatch, function: str, errno_code: int, after: int, once: bool
) -> None:
    before = _snapshot(exported)
    _patch(monkeypatch, function, errno_code, after, once=once)
    if function == "link":
        monkeypatch.setattr(fileio.shutil, "copy2", _failing(errno.ENOSPC))
    with pytest.raises(ExportError) as caught:
        export("terraform", load(example_path("static-site")), exported)
    assert caught.value.exit_code == 2
    assert str(caught.value).startswith(f"{exported}")  # the folder, or the file of it that failed
    assert _snapshot(exported) == before
    assert _leftovers(exported.parent) == []


def test_the_cli_reports_a_full_disk_during_export_in_one_line(
    exported: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(exported)
    _patch(monkeypatch, "fsync", errno.ENOSPC, 2)
    code = main(["export", str(example_path("static-site")), "-f", "terraform", "-o", str(exported), "-q"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == f"archbuilder: error: {exported}/variables.tf: could not save: No space left on device\n"
    assert _snapshot(exported) == before


def _write_many(target: Path, count: int) -> None:
    with fileio.staged_folder(target) as staging:
        for number in range(count):
            fileio.write_atomic(staging / f"file-{number:02}.tf", f"# {number}\n".encode())


def test_a_folder_of_many_files_is_flushed_in_one_call_and_lands_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("syncfs is a Linux call")
    target = tmp_path / "many"
    _patch(monkeypatch, "fsync", errno.EIO)  # no file is flushed on its own: syncfs flushes them all
    _write_many(target, 40)
    assert _snapshot(target) == {f"file-{n:02}.tf": f"# {n}\n".encode() for n in range(40)}
    assert _leftovers(tmp_path) == []


def test_without_syncfs_each_file_is_flushed_and_a_failure_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "many"
    _write_many(target, 3)
    before = _snapshot(target)
    monkeypatch.setattr(fileio, "_syncfs", lambda folder: False)  # no such call, or it failed
    _patch(monkeypatch, "fsync", errno.ENOSPC, 35)
    with pytest.raises(fileio.FileError) as caught:
        _write_many(target, 40)
    assert str(caught.value) == f"{target}/file-35.tf: could not save: No space left on device"
    assert _snapshot(target) == before
    assert _leftovers(tmp_path) == []


# ---------------------------------------------------------------- kill -9

_WRITER = textwrap.dedent(
    """
    import sys
    from archbuilder.model import load, save
    from archbuilder.exporters.registry import export
    from pathlib import Path
    source, kind, target = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    design = load(source)
    print("ready", flush=True)
    while True:
        if kind == "save":
            save(design, target)
        else:
            export("terraform", design, target)
    """
)


def _kill_while_writing(kind: str, source: Path, target: Path, delay: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(source), kind, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline() == "ready\n"
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("delay", [0.05, 0.13, 0.31])
def test_kill_9_during_saves_leaves_a_whole_file_and_the_next_save_removes_the_temporary(
    tmp_path: Path, delay: float
) -> None:
    big = example_path("three-tier-web")
    target = tmp_path / "shop.arch.json"
    save(two_az_network(), target)
    versions = {target.read_bytes(), Path(big).read_bytes()}
    _kill_while_writing("save", Path(big), target, delay)
    assert target.read_bytes() in versions  # the old file or the new one, never a mix or a part
    save(load(target), target)  # the next start saves over it and clears what the killed process left
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("delay", [0.1, 0.4])
def test_kill_9_during_exports_leaves_a_whole_export_and_the_next_export_cleans_up(
    tmp_path: Path, delay: float
) -> None:
    out = tmp_path / "tf"
    export("terraform", load(example_path("static-site")), out)
    old = _snapshot(out)
    _kill_while_writing("export", Path(example_path("three-tier-web")), out, delay)
    export("terraform", load(example_path("three-tier-web")), tmp_path / "fresh")
    new = _snapshot(tmp_path / "fresh")
    now = _snapshot(out)
    # Each file is whole, from one export or the other (the swap is file by file, each rename atomic).
    assert set(now) == set(old) == set(new)
    assert all(now[name] in (old[name], new[name]) for name in now)
    export("terraform", load(example_path("three-tier-web")), out)
    assert _snapshot(out) == new
    assert _leftovers(tmp_path) == []


def test_orphans_of_live_processes_are_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "shop.arch.json"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(dead.stdout)
    (tmp_path / f".shop.arch.json.{dead_pid}.abc123.tmp").write_text("partial")
    (tmp_path / f".shop.arch.json.{os.getppid()}.def456.tmp").write_text("someone else is writing")
    (tmp_path / ".shop.arch.json.notapid.tmp").write_text("not ours")
    save(two_az_network(), target)
    assert _leftovers(tmp_path) == [
        f".shop.arch.json.{os.getppid()}.def456.tmp",
        ".shop.arch.json.notapid.tmp",
    ]
    assert target.read_text(encoding="utf-8") == dumps(two_az_network())
