"""The README's two set-up commands, and CI running exactly the test one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = text[: text.index("## The desktop app")]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", setup, flags=re.DOTALL)]


def test_the_readme_has_one_install_command_and_one_test_command() -> None:
    assert readme_commands() == [
        "./scripts/install.sh && .venv/bin/archbuilder gui resources/examples/three-tier-web.arch.json",
        "./scripts/install-checkov.sh && .venv/bin/python -m pytest -q -p no:cacheprovider",
    ]


def test_ci_installs_then_runs_exactly_the_readme_test_command() -> None:
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[-2:] == ["./scripts/install.sh", readme_commands()[1]]
