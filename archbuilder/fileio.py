"""Reading and writing the user's files safely: a bounded read of regular files only, a single file replaced
atomically, and a folder of files (a multi-file export) staged beside its target and swapped in.

Temporary files and folders carry the writing process's id, so a later run can tell those of a process that
died (kill -9, power loss) from those of one still writing, and removes the former.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path


class FileError(ValueError):
    """A file cannot be read or written; the message names the file and says why in one line."""


def describe_os_error(exc: OSError) -> str:
    return exc.strerror or errno.errorcode.get(exc.errno or 0, "") or str(exc)


# ---------------------------------------------------------------------- reading


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file (a FIFO would block, /dev/zero never end) of at most
    `limit` bytes; never more than `limit` + 1 bytes are read, whatever the file claims or becomes."""
    try:
        # O_NONBLOCK: opening a FIFO waits for a writer otherwise; for a regular file it changes nothing.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileError(f"{path}: cannot open: {describe_os_error(exc)}") from None
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise FileError(f"{path}: is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise FileError(f"{path}: is not a regular file (a pipe, device or socket); refused")
        size = os.fstat(handle).st_size
        if size > limit:
            raise FileError(f"{path}: {size_text(size)} is over the {limit_text(limit)} limit")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(handle, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise FileError(f"{path}: cannot read: {describe_os_error(exc)}") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileError(f"{path}: over the {limit_text(limit)} limit")
    return data


def size_text(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size} bytes"


def limit_text(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else f"{limit} bytes"


# ---------------------------------------------------------------------- one file

_TEMP_SUFFIX = ".tmp"


def _temp_prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def write_atomic(target: Path, payload: bytes) -> None:
    """Replace `target` with `payload` all at once: a temporary file in the same folder, flushed to disk, then
    renamed over it. On any failure the previous file is untouched and the temporary file is gone."""
    folder = target.parent if str(target.parent) else Path(".")
    staging = _staging_of(folder)
    if staging is not None:
        _write_staged_file(target, payload)
        _staging_folders[staging].append(target)
        return
    remove_orphans(folder, target.name)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=_temp_prefix(target.name), suffix=_TEMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise FileError(f"{target}: cannot write in {folder}: {describe_os_error(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temp_name, target.stat().st_mode & 0o777)
        else:
            # mkstemp creates 0600; a new file gets the permissions any other new file would get.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except BaseException as exc:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise FileError(f"{target}: could not save: {describe_os_error(exc)}") from None
        raise


def _write_staged_file(target: Path, payload: bytes) -> None:
    """Write a file into a staging folder of this process. No one reads that folder before it is swapped in
    whole (staged_folder), so the file is written in place, without a temporary file of its own (a Terraform
    export of 20,000 services writes 2,000 files); the folder's files are flushed to disk together before the
    swap (_flush_all)."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise FileError(f"{target}: cannot write in {target.parent}: {describe_os_error(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
    except BaseException as exc:
        target.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise FileError(f"{target}: could not save: {describe_os_error(exc)}") from None
        raise


def remove_orphans(folder: Path, name: str) -> list[Path]:
    """Remove the temporary files and folders that processes no longer running left while writing `name` in
    `folder` (a save or export killed half-way). Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(folder.glob(f".{_glob_escape(name)}.*"))
    except OSError:
        return removed
    for entry in entries:
        pid = _writer_pid(entry.name, name)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
    return removed


def remove_dead_temporaries(folder: Path) -> list[Path]:
    """remove_orphans for every name in `folder`: the temporary files and folders of dead writers."""
    removed: list[Path] = []
    try:
        entries = [
            e
            for e in folder.iterdir()
            if e.name.startswith(".") and e.name.endswith((_TEMP_SUFFIX, _STAGING_SUFFIX))
        ]
    except OSError:
        return removed
    for name in {e.name[1:].rsplit(".", 3)[0] for e in entries if e.name.count(".") >= 4}:
        removed += remove_orphans(folder, name)
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def _writer_pid(entry: str, name: str) -> int | None:
    """The process id in `.<name>.<pid>.<random>.tmp` (a file) or `.<name>.<pid>.<random>.export` (a folder)."""
    rest = entry.removeprefix(f".{name}.")
    pid, _, tail = rest.partition(".")
    if not pid.isdigit() or not tail.endswith((_TEMP_SUFFIX, _STAGING_SUFFIX)):
        return None
    return int(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


# ---------------------------------------------------------------------- a folder of files

_STAGING_SUFFIX = ".export"
# The staging folders of this process being written into, each with the files written there, in order.
_staging_folders: dict[Path, list[Path]] = {}


def _staging_of(folder: Path) -> Path | None:
    if not _staging_folders:
        return None
    resolved = folder.absolute()
    return next((s for s in _staging_folders if resolved == s or s in resolved.parents), None)


@contextlib.contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` to write a set of files into. When the block ends normally, its files
    replace those of the same names in `target` (other files there are left alone); when it raises, nothing
    in `target` has changed. If moving the files in fails part-way, the files already moved are put back."""
    parent = target.parent if str(target.parent) else Path(".")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise FileError(f"{target}: exists and is not a folder") from None
    except OSError as exc:
        raise FileError(f"{target}: cannot create the folder: {describe_os_error(exc)}") from None
    if not target.is_dir():
        raise FileError(f"{target}: exists and is not a folder")
    remove_orphans(parent, target.name)
    try:
        staging = Path(tempfile.mkdtemp(prefix=_temp_prefix(target.name), suffix=_STAGING_SUFFIX, dir=parent))
    except OSError as exc:
        raise FileError(f"{target}: cannot write beside it in {parent}: {describe_os_error(exc)}") from None
    staging = staging.absolute()
    _staging_folders[staging] = []
    try:
        yield staging
        _flush_all(staging, _staging_folders.pop(staging))
        _swap_in(staging, target)
    except FileError as exc:  # a file of the set could not be written: named where the user will look for it
        raise FileError(str(exc).replace(str(staging), str(target))) from None
    except OSError as exc:
        raise FileError(f"{target}: could not write: {describe_os_error(exc)}") from None
    finally:
        _staging_folders.pop(staging, None)
        shutil.rmtree(staging, ignore_errors=True)


def _flush_all(staging: Path, written: list[Path]) -> None:
    """Every file written into the staging folder on disk before any is swapped in, in the order they were
    written. Flushing each file costs a disk round trip (2,000 files of a Terraform export took 11 s that way),
    so a folder of many files is flushed with one syncfs() of its file system where the C library has it
    (Linux); if that fails, file by file, so that the error names the file that could not be saved."""
    known = set(written)
    files = [*written, *sorted(p for p in staging.rglob("*") if p.is_file() and p not in known)]
    if len(files) > _FLUSH_ONE_BY_ONE and _syncfs(staging):
        return
    for path in files:
        try:
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
        except OSError as exc:
            raise FileError(f"{path}: could not save: {describe_os_error(exc)}") from None


_FLUSH_ONE_BY_ONE = 32  # up to this many files (every export but the largest), each is flushed on its own


def _syncfs(folder: Path) -> bool:
    """syncfs(2) on the file system holding `folder`; False where there is no such call or it failed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syncfs = libc.syncfs
    except (OSError, AttributeError, TypeError):  # no C library by that name, or no syncfs in it
        return False
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        return bool(syncfs(handle) == 0)
    finally:
        os.close(handle)


def _swap_in(staging: Path, target: Path) -> None:
    files = sorted(
        p for p in staging.rglob("*") if p.is_file() and ".previous" not in p.relative_to(staging).parts
    )
    previous = staging / ".previous"
    moved: list[tuple[Path, Path | None]] = []  # (destination, its previous version kept in staging)
    try:
        for source in files:
            relative = source.relative_to(staging)
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            kept: Path | None = None
            if destination.is_file():
                kept = previous / relative
                kept.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(destination, kept)  # the old bytes stay reachable until the new ones are in place
                except OSError:
                    shutil.copy2(destination, kept)  # a file system without hard links
            os.replace(source, destination)
            moved.append((destination, kept))
    except OSError:
        for destination, kept in reversed(moved):
            with contextlib.suppress(OSError):
                if kept is not None:
                    os.replace(kept, destination)
                else:
                    destination.unlink()
        raise
