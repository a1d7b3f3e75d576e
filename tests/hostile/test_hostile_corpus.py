"""Every case of the hostile corpus (tests/hostile/corpus.py), each in its own `archbuilder` process: it ends
within its bound, exits 0 or 2, on error prints exactly one line naming the file and the place and never a
traceback, and leaves no partial or temporary file (a file that was there before a failure is unchanged).

The bound is CPU time of the process (2 s for inputs under 1 MB, 6 s above), so a busy machine does not fail
the test; a hang (a FIFO read, a device read without end) is caught by the wall-clock limit."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import Case, all_cases

CASES = all_cases()
WALL_LIMIT = 60  # seconds: only a process that hangs reaches it


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _temporary_files(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob(".*")
        if p.name.endswith((".tmp", ".export")) or ".previous" in p.parts
    )


def test_the_corpus_has_at_least_150_cases_of_each_kind() -> None:
    kinds = {
        prefix: sum(c.name.startswith(prefix) for c in CASES)
        for prefix in ("doc-", "special-", "cfn-", "tf-", "cli-")
    }
    assert len(CASES) >= 150
    assert len({c.name for c in CASES}) == len(CASES)
    assert all(count >= 10 for count in kinds.values()), kinds


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    args = case.prepare(folder)
    kept = {name: (folder / name).read_bytes() for name in case.keep}
    before = set(folder.rglob("*"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env.pop("ARCHBUILDER_DEBUG", None)
    if case.no_display:
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            env.pop(name, None)
    stdout = open("/dev/full", "w") if case.stdout_full else subprocess.PIPE  # noqa: SIM115
    started = _cpu_seconds()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "archbuilder", *args],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            cwd=folder,
            env=env,
            timeout=WALL_LIMIT,
            check=False,
        )
    finally:
        if case.stdout_full:
            stdout.close()  # type: ignore[union-attr]
    cpu = _cpu_seconds() - started
    bound = 2.0 if case.input_bytes(folder) < 1024 * 1024 else 6.0
    assert cpu < bound, f"{case.name} took {cpu:.2f} s of CPU (bound {bound} s)"
    assert result.returncode in case.exits, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    if result.returncode == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        line = lines[0]
        assert line.startswith("archbuilder"), line
        assert case.names in line, line
        if case.name.startswith(("doc-", "special-", "cfn-", "tf-")):
            assert Path(args[1]).name in line, line
    assert _temporary_files(folder) == []
    for name, content in kept.items():
        assert (folder / name).read_bytes() == content, f"{name} changed"
    if result.returncode != 0:
        created = {p for p in set(folder.rglob("*")) - before if p.is_file()}
        assert created == set(), f"a failed run left {sorted(map(str, created))}"
