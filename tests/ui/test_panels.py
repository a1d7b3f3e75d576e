"""Properties, findings, lock-in and tips panels inside the real main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget

from archbuilder.model import NodeKind, dumps
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow
from archbuilder.ui.property_editors import IngressTable

MVP = Path(str(example_path("startup-mvp")))
THREE_TIER = Path(str(example_path("three-tier-web")))


def undo_texts(window: MainWindow) -> list[str]:
    stack = window.document.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def test_with_nothing_selected_the_design_itself_is_edited(window: MainWindow) -> None:
    window.open_path(MVP)
    panel = window.properties
    assert panel.title.text() == "Design (select a node to edit it)"
    name = panel.editors["name"]
    assert isinstance(name, QLineEdit) and name.text() == window.document.architecture.metadata.name
    name.setText("Shop MVP")
    name.editingFinished.emit()
    environment = panel.editors["environment"]
    assert isinstance(environment, QComboBox)
    environment.setCurrentText("staging")
    assert window.document.architecture.metadata.name == "Shop MVP"
    assert window.document.architecture.metadata.environment == "staging"
    assert undo_texts(window) == ["Set design name", "Set design environment"]
    assert window.windowTitle().startswith("Shop MVP — ")
    window.menu_actions["undo"].trigger()
    assert environment.currentText() == "production"  # the editor follows undo in place
    region = panel.editors["default_region"]
    assert isinstance(region, QLineEdit)
    region.setText("mars-1")
    region.editingFinished.emit()
    assert panel.error.text().startswith("Refused: metadata › default_region")
    assert window.document.undo_stack.index() == 1  # the refused edit pushed nothing


def test_ingress_rules_are_edited_as_a_table_one_undo_step_per_change(window: MainWindow) -> None:
    window.open_path(MVP)
    window.scene.select_nodes(["web"])
    table = window.properties.editors["ingress"]
    assert isinstance(table, IngressTable)
    cells = [
        [table.table.item(r, c).text() for c in range(5)]  # type: ignore[union-attr]
        for r in range(table.table.rowCount())
    ]
    assert cells == [["tcp", "22", "22", "0.0.0.0/0", "SSH"], ["tcp", "80", "80", "0.0.0.0/0", "HTTP"]]
    table.table.item(0, 3).setText("10.0.0.0/16")  # type: ignore[union-attr]
    assert window.document.architecture.service("web").properties["ingress"][0] == {
        "protocol": "tcp",
        "from_port": 22,
        "to_port": 22,
        "cidr": "10.0.0.0/16",
        "description": "SSH",
    }
    table.table.item(1, 1).setText("eighty")  # type: ignore[union-attr]
    assert window.properties.error.text() == "Extra ingress rules: rule 2: From port 'eighty' is not a number"
    table.table.item(1, 1).setText("80")  # type: ignore[union-attr]
    table.table.selectRow(0)
    table.remove_selected()
    assert window.document.architecture.service("web").properties["ingress"] == [
        {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr": "0.0.0.0/0", "description": "HTTP"}
    ]
    assert undo_texts(window) == ["Set Extra ingress rules", "Set Extra ingress rules"]
    before_undo = dumps(window.document.architecture)
    window.menu_actions["undo"].trigger()
    window.menu_actions["undo"].trigger()
    assert window.document.architecture.service("web").properties["ingress"][0]["cidr"] == "0.0.0.0/0"
    assert table.table.rowCount() == 2
    window.menu_actions["redo"].trigger()
    window.menu_actions["redo"].trigger()
    assert dumps(window.document.architecture) == before_undo


def test_a_multi_subnet_service_lists_the_other_subnets_of_its_vpc(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    window.scene.select_nodes(["web-alb"])
    subnets = window.properties.editors["extra_subnet_ids"]
    assert isinstance(subnets, QListWidget)
    rows = {subnets.item(r).text(): subnets.item(r).checkState().name for r in range(subnets.count())}
    assert rows["Public subnet b (10.0.10.0/24, us-east-1b)"] == "Checked"
    assert "Public subnet a (10.0.0.0/24, us-east-1a)" not in rows  # its own subnet
    assert rows["App subnet a (10.0.1.0/24, us-east-1a)"] == "Unchecked"
    for row in range(subnets.count()):
        if subnets.item(row).text().startswith("Public subnet b"):
            subnets.item(row).setCheckState(subnets.item(row).checkState().Unchecked)
    assert window.document.architecture.service("web-alb").extra_subnet_ids == []
    assert undo_texts(window) == ["Set subnets of Web load balancer"]


def test_container_fields_refuse_bad_values_inline(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    window.scene.select_nodes(["public-b"])
    cidr = window.properties.editors["cidr"]
    assert isinstance(cidr, QLineEdit) and cidr.text() == "10.0.10.0/24"
    cidr.setText("10.1.0.0/24")
    cidr.editingFinished.emit()
    assert window.properties.error.text().startswith("Refused: ")
    assert "10.1.0.0/24" in window.properties.error.text()
    assert window.document.undo_stack.count() == 0
    cidr.setText("10.0.20.0/24")
    cidr.editingFinished.emit()
    assert window.properties.error.text() == ""
    assert window.document.architecture.node("public-b").cidr == "10.0.20.0/24"  # type: ignore[union-attr]
    assert undo_texts(window) == ["Set cidr"]


def test_passing_through_an_empty_text_field_is_not_an_edit(window: MainWindow) -> None:
    window.open_path(MVP)
    window.scene.select_nodes(["web"])
    key_name = window.properties.editors["key_name"]
    assert isinstance(key_name, QLineEdit) and key_name.text() == ""
    key_name.editingFinished.emit()
    multi = window.properties.editors["termination_protection"]
    assert isinstance(multi, QCheckBox)
    assert window.document.undo_stack.count() == 0


def test_findings_group_by_pillar(window: MainWindow) -> None:
    window.open_path(MVP)
    result = window.runner.run_now()
    counts = [len([f for f in result.findings if f.severity == s]) for s in ("error", "warning", "info")]
    assert window.findings.group_titles() == [
        f"Errors ({counts[0]})",
        f"Warnings ({counts[1]})",
        f"Notes ({counts[2]})",
    ]
    window.findings.group_by.setCurrentText("Pillar")
    titles = window.findings.group_titles()
    assert [t.split(" (")[0] for t in titles] == sorted(
        (t.split(" (")[0] for t in titles),
        key=[
            "Operational excellence",
            "Security",
            "Reliability",
            "Performance efficiency",
            "Cost optimization",
            "Sustainability",
        ].index,
    )
    assert sum(int(t.split("(")[1].rstrip(")")) for t in titles) == len(result.findings)
    rules = {item.text(1) for item in window.findings.finding_items()}
    assert {"SEC-001", "REL-001"} <= rules


OG_AWS = "https://github.com/open-guides/og-aws/blob/8ec2310ea096b1606ac000df35f037fc581a49cf/README.md"


def test_lockin_and_tips_follow_the_selection(window: MainWindow) -> None:
    window.open_path(MVP)
    window.runner.run_now()
    window.scene.select_nodes(["db"])
    lockin = window.lockin.alternatives
    assert lockin.text().startswith("App database: ") and lockin.openExternalLinks()
    assert "<br>Alternatives: " in lockin.text()
    assert lockin.text().endswith(
        f'Source: <a href="{OG_AWS}#when-to-use-aws">The Open Guide to AWS › When to Use AWS</a>'
    )
    tips = window.tips.text.text()
    assert tips.startswith("<b>Amazon RDS DB instance</b>") and window.tips.text.openExternalLinks()
    # Every tip names its guide and section, linked where the guide is public.
    assert f'— <a href="{OG_AWS}#rds-tips">The Open Guide to AWS › RDS Tips</a></p>' in tips
    assert "— Solutions Architect – Associate notes (2024) › Improve RDS Performance</p>" in tips
    assert "000_" not in tips


def test_the_finding_detail_links_its_guide_and_shows_text_as_written(window: MainWindow) -> None:
    window.open_path(MVP)
    window.document.set_label("web", "<b>Web</b> & co")
    window.runner.run_now()
    item = next(i for i in window.findings.finding_items() if i.text(1) == "SEC-001")
    window.findings.tree.setCurrentItem(item)
    detail = window.findings.detail.text()
    assert detail.endswith(
        f'Source: <a href="{OG_AWS}#vpc-and-network-security-tips">'
        "The Open Guide to AWS › VPC and Network Security Tips</a>"
    )
    assert item.text(0).startswith("“<b>Web</b> & co” allows SSH")  # a tree item shows plain text
    assert item.toolTip(0).endswith("\nSource: The Open Guide to AWS › VPC and Network Security Tips")
    assert window.findings.suppress_current("<i>accepted</i> & logged")
    window.runner.run_now()
    suppressed = next(i for i in window.findings.finding_items() if i.text(1) == "SEC-001")
    window.findings.tree.setCurrentItem(suppressed)
    assert window.findings.detail.text().endswith("<br>Suppressed: &lt;i&gt;accepted&lt;/i&gt; &amp; logged")


def test_containers_are_titled_by_their_kind_and_counts_read_as_english(window: MainWindow) -> None:
    window.open_path(THREE_TIER)
    titles = {}
    for node_id in ("region", "vpc", "az-a", "public-a", "app-a"):
        window.scene.select_nodes([node_id])
        titles[node_id] = window.properties.title.text()
    assert titles == {
        "region": "Region  (region)",
        "vpc": "VPC  (vpc)",
        "az-a": "Availability Zone  (az-a)",
        "public-a": "Public subnet  (public-a)",
        "app-a": "Private subnet  (app-a)",
    }
    window.new_document()
    region = window.document.add_container(NodeKind.REGION, None, 0, 0)
    vpc = window.document.add_container(NodeKind.VPC, region, 20, 40)
    zone = window.document.add_container(NodeKind.AZ, vpc, 20, 40)
    window.document.add_container(NodeKind.SUBNET, zone, 20, 40, tier="public")
    window.runner.run_now()
    # A public subnet without an internet gateway: exactly one error.
    assert window.findings.summary.text() == "1 error · 0 warnings · 0 notes · lock-in 0/100"


def test_each_transaction_reaches_the_title_the_panel_and_validation_once(window: MainWindow, qtbot) -> None:
    window.open_path(MVP)
    original = window.document.architecture.metadata.name
    validated: list[object] = []
    window.runner.finished.connect(validated.append)
    name = window.properties.editors["name"]
    assert isinstance(name, QLineEdit)
    window.document.set_metadata("name", "Renamed shop")
    assert window.windowTitle().startswith("Renamed shop — ")
    assert name.text() == "Renamed shop"
    qtbot.waitUntil(lambda: len(validated) == 1)
    window.menu_actions["undo"].trigger()
    assert window.windowTitle().startswith(f"{original} — ")
    assert name.text() == original
    qtbot.waitUntil(lambda: len(validated) == 2)
    qtbot.wait(400)  # longer than the runner's debounce: no second run for the same transaction
    assert len(validated) == 2
