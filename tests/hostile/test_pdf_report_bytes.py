"""The PDF review is the same bytes on every run: fixed creation and modification dates and no random document
id, so a committed report diffs cleanly."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from archbuilder.resource_files import example_path


def _report(folder: Path, *extra: str) -> bytes:
    subprocess.run(
        [sys.executable, "-m", "archbuilder", "report", str(example_path("static-site")), "-o", str(folder),
         "--format", "pdf", *extra],
        check=True, capture_output=True,
    )  # fmt: skip
    return (folder / "report.pdf").read_bytes()


def test_two_runs_a_second_apart_write_the_same_pdf(tmp_path: Path) -> None:
    first = _report(tmp_path / "a")
    time.sleep(1.1)
    second = _report(tmp_path / "b")
    assert first == second
    dates = re.findall(rb"/(CreationDate|ModDate) \(D:(\d{14})", first)
    assert dates == [(b"CreationDate", b"20000101000000"), (b"ModDate", b"20000101000000")]
    # The trailer's /ID is derived from the content, not drawn at random: the same for the same content.
    assert re.search(rb"/ID\s*\[<([0-9a-f]+)><\1>\]", first) is not None
