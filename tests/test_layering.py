"""The headless layers never import Qt: checked with import-linter's contract in pyproject.toml."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Headless layers never import Qt KEPT" in run.stdout


def _undo_stack_calls(path: Path) -> list[str]:
    """Calls that build undo steps by hand: macros anywhere, push/undo/redo on something named a stack."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, owner = node.func.attr, ast.unparse(node.func.value)
        if name in ("beginMacro", "endMacro") or (name in ("push", "undo", "redo") and "stack" in owner):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {owner}.{name}")
    return found


def test_only_the_editor_touches_the_undo_stack() -> None:
    """Gestures are Document transactions: the scene, the panels and the CLI never push, undo or make macros."""
    package = ROOT / "archbuilder"
    outside = [p for p in sorted(package.rglob("*.py")) if package / "editor" not in p.parents]
    assert [call for path in outside for call in _undo_stack_calls(path)] == []
    planted = ROOT / "archbuilder" / "editor" / "document.py"
    assert any(call.endswith("self.undo_stack.push") for call in _undo_stack_calls(planted))
