"""Big designs: AZ copies collapsed into one "×N AZs" badge on demand, and the VPC overview."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from archbuilder.exporters.registry import export
from archbuilder.graph.overview import VpcSummary, vpc_overview
from archbuilder.model import load, save
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow


def test_collapsing_az_copies_hides_them_behind_a_badge_and_back(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    spans = window.scene.spans
    copies = spans.all_items()
    assert len(copies) == 3 and all(item.isVisible() for item in copies)
    window.menu_actions["collapse_copies"].setChecked(True)
    assert not any(item.isVisible() for item in copies)
    assert [spans.badge_text(s) for s in ("web-alb", "app-asg", "orders-db", "nat-a")] == [
        "×2 AZs",
        "×2 AZs",
        "×2 AZs",
        None,
    ]
    # A service given a third subnet while collapsed gets no visible copy, only its badge updated.
    assert window.document.set_extra_subnets("app-asg", ["app-b"])
    assert not any(item.isVisible() for item in spans.items_of("app-asg"))
    window.menu_actions["collapse_copies"].setChecked(False)
    assert all(item.isVisible() for item in spans.all_items())
    assert spans.badge_text("web-alb") is None


def test_collapsed_copies_are_saved_with_the_design_undone_and_drawn_so_by_the_exports(
    window: MainWindow, tmp_path: Path
) -> None:
    window.new_document("three-tier-web")
    action, spans = window.menu_actions["collapse_copies"], window.scene.spans
    action.setChecked(True)
    assert window.document.architecture.metadata.collapse_az_copies is True
    assert window.document.undo_stack.undoText() == "Set design collapse az copies"
    window.document.undo_stack.undo()
    assert not action.isChecked() and all(item.isVisible() for item in spans.all_items())
    window.document.undo_stack.redo()
    assert action.isChecked() and not any(item.isVisible() for item in spans.all_items())
    saved = tmp_path / "collapsed.arch.json"
    save(window.document.architecture, saved)
    assert '"collapse_az_copies": true' in saved.read_text(encoding="utf-8")
    window.new_document("three-tier-web")
    assert not action.isChecked() and spans.badge_text("web-alb") is None
    window.open_path(saved)
    assert action.isChecked() and spans.badge_text("web-alb") == "×2 AZs"
    # The exports draw each multi-AZ service once, its AZs counted beside its name, as the canvas does.
    arch = window.document.architecture
    root = ElementTree.parse(export("drawio", arch, tmp_path / "drawio")[0]).getroot()
    values = {cell.get("id"): cell.get("value") for cell in root.iter("mxCell")}
    assert not [key for key in values if key and "@" in key]  # no copies
    assert values["web-alb"] == "Web load balancer ×2 AZs"
    assert values["orders-db"] == "Orders database ×2 AZs"
    assert values["nat-a"] == "NAT gateway a"
    svg = export("svg", arch, tmp_path / "svg")[0].read_text(encoding="utf-8")
    assert "App servers ×2 AZs" in svg and "(primary)" not in svg and "(standby)" not in svg


def test_the_vpc_overview_sums_each_vpc_up_and_zooms_to_one(window: MainWindow) -> None:
    arch = load(example_path("three-tier-web"))
    assert vpc_overview(arch) == [
        VpcSummary("vpc", "Production VPC", "10.0.0.0/16", 2, 6, 6, 3, 3),
        VpcSummary("", "Outside any VPC", "", 0, 0, 4, 0, 3),
    ]
    window.new_document("three-tier-web")
    overview = window.show_vpc_overview()
    assert overview.rows()[0] == ["Production VPC", "10.0.0.0/16", "2", "6", "6", "3", "3"]
    chosen: list[str] = []
    overview.vpc_chosen.connect(chosen.append)
    overview._chosen(overview.tree.topLevelItem(0), 0)  # type: ignore[arg-type]
    assert chosen == ["vpc"]
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(window.scene.item_for("vpc").sceneBoundingRect())
    overview.close()
