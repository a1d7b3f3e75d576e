"""The decision assistant in the real main window: the Cost panel, usage fields, node tooltips, the what-if list
with a swap as one undo step, and the Compare window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from archbuilder.cost.estimate import estimate
from archbuilder.model import dumps, load
from archbuilder.model.usage import DesignUsage, Scenario, ScenarioUsage, Usage
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow
from tests.cost.test_example_costs import nat, three_tier_web

THREE_TIER = Path(str(example_path("three-tier-web")))
VARIANT = Path(__file__).resolve().parents[1] / "fixtures" / "designs" / "three-tier-aurora-one-nat.arch.json"


def _tree(window: MainWindow) -> dict[str, list[tuple[str, str]]]:
    """Tier -> [(service, $/month)] as the Cost panel lists them."""
    tree = window.cost.tree
    found: dict[str, list[tuple[str, str]]] = {}
    for index in range(tree.topLevelItemCount()):
        tier = tree.topLevelItem(index)
        found[f"{tier.text(0)} {tier.text(2)}"] = [
            (tier.child(i).text(0), tier.child(i).text(2)) for i in range(tier.childCount())
        ]
    return found


def test_cost_panel_shows_total_tiers_and_services_and_follows_the_scenario(
    window: MainWindow, qtbot
) -> None:
    window.open_path(THREE_TIER)
    window.runner.run_now()
    assert window.cost.total.text() == f"Cost: ${three_tier_web(Scenario.EXPECTED):,.2f}/month"
    tree = _tree(window)
    assert list(tree) == [
        "Public subnets $99.76",
        "Private subnets $64.45",
        "Regional services $3.16",
        "Global services $0.90",
        "Data transfer $9.10",
    ]
    assert tree["Public subnets $99.76"] == [
        ("NAT gateway a", "$41.23"),
        ("NAT gateway b", "$41.23"),
        ("Web load balancer", "$17.31"),
    ]
    assert tree["Regional services $3.16"] == [
        ("Static assets", "$3.16"),
        ("Audit trail", "$0.00"),
        ("Internet gateway", "$0.00"),
        ("Web certificate", "$0.00"),
    ]
    assert tree["Private subnets $64.45"] == [("App servers", "$33.57"), ("Orders database", "$30.88")]
    assert window.cost.notes.text() == "The free tier would cover $9.00 of this (not subtracted)."
    with qtbot.waitSignal(window.runner.finished):  # the design is checked again in the background
        window.cost.scenario_box.setCurrentIndex(2)  # high
    assert window.cost.total.text() == f"Cost: ${three_tier_web(Scenario.HIGH):,.2f}/month"
    # NAT a at high usage: its own 1,000 GB and half the app servers' 100 GB from the bucket.
    assert window.scene.cost_texts["nat-a"] == f"${nat(Scenario.HIGH, 50):,.2f}/month at high usage"


def test_node_tooltips_and_cost_findings_quote_money(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    window.runner.run_now()
    item = window.scene._nodes["orders-db"]
    assert item.tooltip_text() == "Orders database\nrds_instance\n$30.88/month at expected usage"
    messages = [window.findings.tree.topLevelItem(0).child(i).text(0) for i in range(4)]
    assert (
        "“App servers” reaches Static assets without a VPC gateway endpoint (“App servers” $33.57/month at "
        "expected usage)" in messages
    )


def test_usage_fields_edit_the_selected_service_as_one_undo_step(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    window.scene.select_nodes(["assets"])
    usage = window.properties.usage
    assert usage.isVisible() and usage.scenario is Scenario.EXPECTED
    stored = usage.fields["gb_stored"]
    assert (usage.labels["gb_stored"].text(), stored.text(), stored.placeholderText()) == (
        "GB stored",
        "",
        "100 (preset)",
    )
    stored.setText("2500")
    stored.editingFinished.emit()
    assert window.document.architecture.service("assets").usage == ScenarioUsage(
        expected=Usage(gb_stored=2500)
    )
    assert window.document.undo_stack.undoText() == "Set usage of Static assets"
    window.runner.run_now()
    expected = estimate(window.document.architecture).total
    assert window.cost.total.text() == f"Cost: ${expected:,.2f}/month"
    assert round(expected - three_tier_web(Scenario.EXPECTED), 2) == round(2400 * 0.023, 2)
    stored.setText("-3")
    stored.editingFinished.emit()
    assert usage.error.text() == "GB stored: must be 0 or more"
    window.menu_actions["undo"].trigger()
    assert window.document.architecture.service("assets").usage is None
    assert stored.text() == ""


def test_what_if_assesses_alternatives_and_applies_a_swap_as_one_undo_step(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    before = dumps(window.document.architecture)
    window.scene.select_nodes(["orders-db"])
    panel = window.whatif
    assert panel.title.text() == "Alternatives to “Orders database” (Amazon RDS DB instance)"
    panel.assess_button.click()
    rows = [
        [panel.table.topLevelItem(i).text(c) for c in range(6)]
        for i in range(panel.table.topLevelItemCount())
    ]
    assert rows[0] == ["Aurora", "43/100 (+3)", "+0 / −1", "+$351.72", "+$378.72", "+$598.72"]
    assert rows[1][:3] == ["DynamoDB", "47/100 (+7)", "+0 / −1"]
    assert rows[2] == ["Google Cloud SQL", "37/100", "–", "–", "–", "–"]
    assert panel.table.topLevelItem(2).toolTip(0) == (
        "Google Cloud SQL (other cloud). Outside AWS: the design cannot draw it, so findings and cost are not "
        "estimated."
    )
    assert not panel.swap_button.isEnabled()
    panel.table.setCurrentItem(panel.table.topLevelItem(0))
    assert panel.swap_button.isEnabled()
    panel.swap_button.click()
    assert window.document.architecture.service("orders-db").type == "aurora_cluster"
    assert window.document.undo_stack.undoText() == "Swap Orders database for Aurora"
    assert panel.table.topLevelItemCount() == 0  # figures of the old design are gone
    window.menu_actions["undo"].trigger()
    assert dumps(window.document.architecture) == before


def test_compare_window_shows_the_differences_and_both_diagrams(window: MainWindow, qtbot) -> None:
    window.open_path(VARIANT)
    compare = window.compare_with(THREE_TIER)
    assert compare is not None
    qtbot.addWidget(compare)
    assert compare.windowTitle() == (
        "Compare: Three-tier web application → Three-tier web application (Aurora, one NAT gateway and an S3 "
        "endpoint)"
    )
    text = compare.summary.toPlainText()
    assert "added S3 endpoint (vpc_endpoint_gateway)" in text
    assert "removed NAT gateway b (nat_gateway)" in text
    assert "changed Orders database: type rds_instance → aurora_cluster" in text
    assert (
        "resolved COST-003 info: “App servers” reaches Static assets without a VPC gateway endpoint" in text
    )
    assert "40/100 → 43/100 (+3)" in text
    assert compare.before_diagram.renderer().isValid() and compare.after_diagram.renderer().isValid()
    # Fitted side by side in the visible width, then at the canvas's size on request.
    qtbot.waitExposed(compare)
    before_size, after_size = (
        d.renderer().defaultSize() for d in (compare.before_diagram, compare.after_diagram)
    )
    assert compare.zoom.currentText() == "Fit width"
    fitted = compare.zoom_factor()
    assert 0.25 <= fitted < 1
    assert compare.before_diagram.width() == round(before_size.width() * fitted)
    assert (
        compare.before_diagram.width() + compare.after_diagram.width() <= compare.pictures.viewport().width()
    )
    compare.zoom.setCurrentText("100 %")
    assert (compare.after_diagram.width(), compare.after_diagram.height()) == (
        after_size.width(),
        after_size.height(),
    )
    assert window.compare_with(Path("nowhere.arch.json")) is None


def test_cost_panel_activating_a_service_selects_it(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    window.runner.run_now()
    tier = window.cost.tree.topLevelItem(1)
    database = next(
        tier.child(i) for i in range(tier.childCount()) if tier.child(i).text(0) == "Orders database"
    )
    window.cost.tree.itemActivated.emit(database, 0)
    assert [item.node_id for item in window.scene.selectedItems()] == ["orders-db"]
    assert database.data(0, Qt.ItemDataRole.UserRole) == "orders-db"
    assert load(THREE_TIER).service("orders-db").type == "rds_instance"


def test_usage_for_every_service_of_a_type_sets_the_design_presets(
    window: MainWindow, tmp_path: Path
) -> None:
    window.open_path(Path(str(example_path("static-site"))))
    window.scene.select_nodes(["site"])
    usage = window.properties.usage
    usage.for_type.setChecked(True)
    assert usage.for_type.text() == "For every S3 in this design"
    stored = usage.fields["gb_stored"]
    assert (stored.text(), stored.placeholderText()) == ("", "100 (preset)")
    stored.setText("400")
    stored.editingFinished.emit()
    architecture = window.document.architecture
    assert architecture.design_usage == DesignUsage(
        presets={"s3_bucket": ScenarioUsage(expected=Usage(gb_stored=400))}
    )
    assert architecture.service("site").usage is None and architecture.service("logs").usage is None
    assert window.document.undo_stack.undoText() == "Set design usage presets"
    storage = [line for line in estimate(architecture).lines if line.dimension == "storage"]
    assert [(line.node_id, line.quantity) for line in storage] == [("logs", 400.0), ("site", 400.0)]
    usage.for_type.setChecked(False)
    assert (stored.text(), stored.placeholderText()) == (
        "",
        "400 (preset)",
    )  # the node falls back to the design's
    window.menu_actions["undo"].trigger()
    assert architecture.design_usage == DesignUsage()
