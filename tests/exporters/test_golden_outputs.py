"""Golden files for every example in every text format, and a secrets scan over all of them.

Regenerate after a deliberate change with: ARCHBUILDER_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/exporters/test_golden_outputs.py
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from archbuilder.exporters.registry import export
from archbuilder.model import load
from archbuilder.resource_files import example_names, example_path
from tests import golden_files
from tests.golden_files import assert_golden_folder

FORMATS = ["cloudformation", "cloudformation-json", "terraform", "drawio"]
GOLDEN = golden_files.GOLDEN / "examples"
SECRETS = [
    re.compile(r"(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"),  # AWS access key ids
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    re.compile(
        r"(?<!Manage)MasterUserPassword|\bpassword\s*="
    ),  # a database password written into the output
    re.compile(r"(?i)aws_secret_access_key"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", example_names())
def test_output_matches_its_golden_file_and_holds_no_secret(name: str, fmt: str, tmp_path: Path) -> None:
    written = export(fmt, load(Path(str(example_path(name)))), tmp_path)
    assert_golden_folder(GOLDEN / name / fmt, written)
    for path in written:
        text = readable(path.name, path.read_bytes())
        assert [p.pattern for p in SECRETS if p.search(text)] == []


def readable(name: str, content: bytes) -> str:
    """A file's text; for a zip (a function's code), the text of every file in it."""
    if not name.endswith(".zip"):
        return content.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "\n".join(archive.read(entry).decode("utf-8") for entry in archive.namelist())


def test_the_secrets_scan_catches_planted_secrets() -> None:
    planted = [
        "key = AKIAABCDEFGHIJKLMNOP",
        "-----BEGIN RSA PRIVATE KEY-----",
        "MasterUserPassword: hunter2",
        'password = "hunter2"',
        "aws_secret_access_key=abc",
    ]
    assert [any(p.search(text) for p in SECRETS) for text in planted] == [True] * 5
    assert not any(p.search("ManageMasterUserPassword: true") for p in SECRETS)
