"""Golden files: what an output must be, byte for byte. With ARCHBUILDER_UPDATE_GOLDEN=1 the run rewrites
them instead (after a deliberate change; the diff then shows what changed)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
HINT = "regenerate with ARCHBUILDER_UPDATE_GOLDEN=1 after a deliberate change"


def updating() -> bool:
    return bool(os.environ.get("ARCHBUILDER_UPDATE_GOLDEN"))


def assert_golden_file(golden: Path, produced: bytes) -> None:
    if updating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert produced == golden.read_bytes(), f"{golden} changed; {HINT}"


def assert_golden_folder(folder: Path, written: Iterable[Path]) -> None:
    """The folder holds exactly the files written, with the same bytes."""
    written = list(written)
    if updating():
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
    assert updating() or sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    for path in written:
        assert_golden_file(folder / path.name, path.read_bytes())
