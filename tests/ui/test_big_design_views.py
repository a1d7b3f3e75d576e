"""Big designs: AZ copies collapsed into one "×N AZs" badge on demand, and the VPC overview."""

from __future__ import annotations

from archbuilder.graph.overview import VpcSummary, vpc_overview
from archbuilder.model import load
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
