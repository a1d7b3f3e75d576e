"""The layers keep to the design: import-linter's contracts in pyproject.toml (every one kept, and a planted
violation caught), plus what import contracts cannot express (the undo stack, QtWidgets, names in strings)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "archbuilder"
LINT = Path(sys.executable).with_name("lint-imports")
HEADLESS = (
    "model",
    "catalog",
    "graph",
    "drawing",
    "validation",
    "cost",
    "compare",
    "exporters",
    "importers",
    "cli",
)
GUI_MODULES = ("archbuilder.editor", "archbuilder.canvas", "archbuilder.ui", "archbuilder.launcher")


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["importlinter"]["contracts"])


def _lint(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=folder, capture_output=True, text=True, env=env)


def _flat(text: str) -> str:
    """lint-imports wraps long contract names; compare them with the wrapping undone."""
    return " ".join(text.split())


def test_every_contract_is_kept() -> None:
    contracts = _contracts()
    assert all(c["allow_indirect_imports"] is False for c in contracts)
    run = _lint(ROOT)
    report = _flat(run.stdout)
    assert run.returncode == 0, run.stdout + run.stderr
    assert [c["name"] for c in contracts if f"{c['name']} KEPT" not in report] == []
    assert f"Contracts: {len(contracts)} kept, 0 broken." in report


def test_every_headless_package_is_under_the_contracts() -> None:
    """A new package joins the contracts: every subpackage of archbuilder is a source of one."""
    sources = {m for c in _contracts() for m in c["source_modules"]}  # type: ignore[attr-defined]
    packages = {f"archbuilder.{p.name}" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages - {"archbuilder.resources"} <= sources
    assert {f"archbuilder.{name}" for name in HEADLESS} <= sources


def test_a_planted_function_level_import_breaks_its_contract(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(PACKAGE, copy / "archbuilder", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    common = copy / "archbuilder" / "cli" / "common.py"
    common.write_text(
        common.read_text(encoding="utf-8")
        + "\n\ndef _planted() -> None:\n    import archbuilder.ui.app  # noqa\n",
        encoding="utf-8",
    )
    run = _lint(copy)
    report = _flat(run.stdout)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Headless layers never import the editor, the canvas, the UI or the launcher BROKEN" in report
    assert "archbuilder.cli.common -> archbuilder.ui.app" in report
    assert (
        "Headless layers never import Qt BROKEN" in report
    )  # the UI brings Qt with it: indirect, and caught


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return found


def test_the_editor_never_imports_qt_widgets() -> None:
    """Import contracts see only top-level external packages; the editor is Qt core (QtCore, QtGui) only."""
    widgets = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((PACKAGE / "editor").rglob("*.py"))
        for name in _imports(path)
        if name.startswith("PySide6.QtWidgets")
    ]
    assert widgets == []


def test_headless_code_names_no_gui_module_even_in_a_string() -> None:
    """A module imported by its name (importlib) escapes import contracts: no headless string names one."""
    named = []
    for package in HEADLESS:
        for path in sorted((PACKAGE / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                text = node.value if isinstance(node, ast.Constant) else None
                if isinstance(text, str) and text.startswith(GUI_MODULES):
                    named.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text}")
    assert named == []


def test_no_eval_or_exec() -> None:
    calls = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec")
    ]
    assert calls == []


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
    outside = [p for p in sorted(PACKAGE.rglob("*.py")) if PACKAGE / "editor" not in p.parents]
    assert [call for path in outside for call in _undo_stack_calls(path)] == []
    planted = PACKAGE / "editor" / "document.py"
    assert any(call.endswith("self.undo_stack.push") for call in _undo_stack_calls(planted))
