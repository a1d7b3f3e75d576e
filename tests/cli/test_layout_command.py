"""`archbuilder layout` and `archbuilder export --layout`: automatic arrangement from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.model import dumps, load, save
from archbuilder.model.layout import auto_layout
from archbuilder.resource_files import example_path


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / f"{name}.arch.json"
    shutil.copyfile(Path(str(example_path(name))), target)
    return target


def test_layout_arranges_the_file_in_place_and_keeps_pinned_nodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy("serverless-api", tmp_path)
    arch = load(path)
    arch.move_node("trail", 2000.0, 700.0)
    arch.set_pinned("trail", True)
    arch.move_node("api", 0.0, 0.0)
    save(arch, path)
    assert main(["layout", str(path)]) == 0
    assert capsys.readouterr().out == f"arranged 11 nodes (1 pinned node kept in place); wrote {path}\n"
    laid_out = load(path)
    expected = load(Path(str(example_path("serverless-api"))))
    expected.move_node("trail", 2000.0, 700.0)
    expected.set_pinned("trail", True)
    auto_layout(expected)
    assert dumps(laid_out) == dumps(expected)
    trail = laid_out.node("trail")
    assert (trail.x, trail.y, trail.pinned) == (2000.0, 700.0, True)
    assert laid_out.node("api").x != 0.0 or laid_out.node("api").y != 0.0


def test_layout_writes_elsewhere_with_output_and_refuses_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy("static-site", tmp_path)
    before = path.read_bytes()
    out = tmp_path / "arranged.arch.json"
    assert main(["layout", str(path), "-o", str(out)]) == 0
    assert path.read_bytes() == before and out.is_file()
    assert main(["layout", str(tmp_path / "missing.arch.json")]) == 2
    assert capsys.readouterr().err == f"archbuilder: error: {tmp_path / 'missing.arch.json'}: no such file\n"


def test_export_with_auto_layout_draws_the_arranged_design_and_leaves_the_file(tmp_path: Path) -> None:
    path = _copy("three-tier-web", tmp_path)
    arch = load(path)
    arch.move_node("az-a", 900.0, arch.node("az-a").y)
    save(arch, path)
    before = path.read_bytes()
    assert (
        main(["export", str(path), "-f", "drawio", "-o", str(tmp_path / "auto"), "--layout", "auto", "-q"])
        == 0
    )
    assert main(["export", str(path), "-f", "drawio", "-o", str(tmp_path / "canvas"), "-q"]) == 0
    assert path.read_bytes() == before
    auto = (tmp_path / "auto" / "diagram.drawio").read_text(encoding="utf-8")
    canvas = (tmp_path / "canvas" / "diagram.drawio").read_text(encoding="utf-8")
    assert 'id="az-a"' in canvas and 'x="900"' in canvas.split('id="az-a"')[1].split("</mxCell>")[0]
    assert 'x="900"' not in auto.split('id="az-a"')[1].split("</mxCell>")[0]
