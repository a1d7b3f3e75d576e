"""The window refuses an import whose design would save over the limit of a design (it could not be saved),
in a dialog naming the template, and keeps the design it had; a save over the limit says so and writes
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.model import dumps, serialization
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
THREE_TIER = Path(str(example_path("three-tier-web")))


def test_an_import_over_the_limit_is_refused_and_the_design_kept(
    window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_path(THREE_TIER)
    before = dumps(window.document.architecture)
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", len(before.encode()) + 10)  # the open design fits
    source = CORPUS / "VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml"
    assert not window.import_path(source)
    [(title, text)] = errors
    assert title == "Cannot import"
    assert text.startswith(f"{source}: the design imported from it would be ")
    assert text.endswith(f" bytes saved, over the {len(before.encode()) + 10} bytes limit of a design")
    assert dumps(window.document.architecture) == before
    assert window.document.path == THREE_TIER


def test_a_save_over_the_limit_is_refused_in_a_dialog_and_the_file_kept(
    window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "shop.arch.json"
    target.write_bytes(THREE_TIER.read_bytes())
    window.open_path(target)
    window.document.move_items({"orders-db": (1.0, 1.0)})
    monkeypatch.setattr(serialization, "MAX_FILE_BYTES", 100)
    window.menu_actions["save"].trigger()
    [(title, text)] = errors
    assert title == "Cannot save"
    assert text.startswith(f"{target}: the design would be ")
    assert text.endswith(" bytes saved, over the 100 bytes limit of a design; nothing was written")
    assert target.read_bytes() == THREE_TIER.read_bytes()
    assert window.document.is_modified
