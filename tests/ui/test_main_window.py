"""The real main window driven with qtbot: drop, refuse, connect, edit, undo/redo, save/reopen, recover, findings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from archbuilder.canvas.interactions import SERVICE_MIME
from archbuilder.catalog import ConnectionKind
from archbuilder.editor.autosave import find_recoverable
from archbuilder.model import dumps, load
from archbuilder.resource_files import example_path
from archbuilder.ui.main_window import MainWindow
from tests.canvas.helpers import drop, hover_drag

MVP = Path(str(example_path("startup-mvp")))
THREE_TIER = Path(str(example_path("three-tier-web")))


def scene_centre(window: MainWindow, node_id: str) -> QPointF:
    item = window.scene.item_for(node_id)
    assert item is not None
    rect = item.sceneBoundingRect()
    return rect.center()


def open_example(window: MainWindow, path: Path) -> None:
    assert window.open_path(path)
    window.view.reset_zoom()


def test_drop_a_service_into_a_subnet_then_undo_and_redo(window: MainWindow) -> None:
    open_example(window, THREE_TIER)
    subnet = window.scene.item_for("app-b")
    target = subnet.sceneBoundingRect().center()
    window.view.centerOn(target)
    drop(window.view, SERVICE_MIME, "ec2_instance", target)
    [added] = [n for n in window.document.architecture.services() if n.type == "ec2_instance"]
    assert added.parent_id == "app-b"
    assert window.document.undo_stack.text(0) == "Add EC2"
    assert window.isWindowModified()
    window.menu_actions["undo"].trigger()
    assert added.id not in window.document.architecture.nodes
    window.menu_actions["redo"].trigger()
    assert window.document.architecture.service(added.id).parent_id == "app-b"


def test_an_invalid_drop_is_refused_with_the_reason_in_the_status_bar(window: MainWindow) -> None:
    open_example(window, THREE_TIER)
    target = window.scene.item_for("region").sceneBoundingRect().topLeft() + QPointF(300, 60)
    window.view.centerOn(target)
    before = dumps(window.document.architecture)
    drop(window.view, SERVICE_MIME, "rds_instance", target)
    assert dumps(window.document.architecture) == before
    assert window.statusBar().currentMessage() == (
        "Refused: RDS cannot be placed in a region; it belongs in a private subnet or in a public subnet"
    )


def test_the_status_bar_follows_the_drag_from_refused_to_allowed_to_dropped(window: MainWindow) -> None:
    open_example(window, THREE_TIER)
    region_point = window.scene.item_for("region").sceneBoundingRect().topLeft() + QPointF(300, 60)
    subnet_point = window.scene.item_for("data-b").sceneBoundingRect().center()
    window.view.centerOn(subnet_point)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    hover_drag(window.view, SERVICE_MIME, "rds_instance", region_point)
    hover_drag(window.view, SERVICE_MIME, "rds_instance", subnet_point)
    # The same target again: the message is not repeated.
    hover_drag(window.view, SERVICE_MIME, "rds_instance", subnet_point + QPointF(4, 0))
    drop(window.view, SERVICE_MIME, "rds_instance", subnet_point)
    subnet = window.document.architecture.node("data-b").label
    assert [text for text in shown if text] == [
        "RDS cannot be placed in a region; it belongs in a private subnet or in a public subnet",
        f"Drop to place it in {subnet}",
        f"Added RDS to {subnet}",
    ]


def test_connect_edit_a_property_and_undo_each(window: MainWindow) -> None:
    open_example(window, THREE_TIER)
    document = window.document
    before = dumps(document.architecture)
    assert (
        document.connect_services("app-asg", "trail", ConnectionKind.TRAFFIC) is None
    )  # CloudTrail accepts nothing
    connection = document.connect_services("web-alb", "assets", ConnectionKind.READ)
    assert connection is not None
    window.scene.select_nodes(["orders-db"])
    editor = window.properties.editors["multi_az"]
    editor.setChecked(False)  # type: ignore[attr-defined]
    assert document.architecture.service("orders-db").properties["multi_az"] is False
    assert [document.undo_stack.text(i) for i in range(document.undo_stack.count())] == [
        "Connect Web load balancer → Static assets",
        "Set Multi-AZ",
    ]
    window.menu_actions["undo"].trigger()
    window.menu_actions["undo"].trigger()
    assert dumps(document.architecture) == before


def test_property_editor_refuses_bad_values_inline(window: MainWindow) -> None:
    open_example(window, Path(str(example_path("serverless-api"))))
    window.scene.select_nodes(["orders-fn"])
    window.properties._apply(
        window.document.catalog.get("lambda_function").property_spec("timeout_seconds"),
        4000,  # type: ignore[arg-type]
    )
    assert window.properties.error.text() == "Timeout: must be at most 900 s"
    assert window.document.architecture.service("orders-fn").properties["timeout_seconds"] == 3
    assert window.document.undo_stack.count() == 0


def test_save_and_reopen_gives_the_same_document(window: MainWindow, tmp_path: Path) -> None:
    open_example(window, THREE_TIER)
    window.document.move_items({"orders-db": (33.0, 44.0)})
    target = tmp_path / "shop.arch.json"
    assert window._save_to(target)
    assert not window.isWindowModified()
    assert load(target).node("orders-db").x == 33.0
    assert window.recent_files()[0] == str(target.resolve())
    window.new_document()
    assert window.document.architecture.nodes == {}
    assert window.open_path(target)
    assert dumps(window.document.architecture) == target.read_text(encoding="utf-8")


def test_recover_after_a_simulated_crash(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    crashed = MainWindow(settings=settings, recovery_dir=folder)
    crashed.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(crashed)
    crashed.open_path(THREE_TIER)
    crashed.document.move_items({"orders-db": (1.0, 2.0)})
    assert crashed.autosaver.save_now()
    expected = dumps(crashed.document.architecture)
    crashed.autosaver._lock.unlock()  # the process dies: its lock goes with it, the recovery file stays

    restarted = MainWindow(settings=settings, recovery_dir=folder)
    restarted.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(restarted)
    leftovers = find_recoverable(folder)
    assert [item.original for item in leftovers] == [THREE_TIER]
    restarted.choose_recovery = lambda items: items[0]  # type: ignore[method-assign]
    assert restarted.offer_recovery(leftovers)
    assert dumps(restarted.document.architecture) == expected
    assert restarted.document.path == THREE_TIER
    assert restarted.document.is_modified  # recovered work is unsaved until the user saves it
    assert find_recoverable(folder) == []


def test_clicking_a_finding_selects_and_centres_its_nodes(window: MainWindow) -> None:
    open_example(window, MVP)
    window.runner.run_now()
    items = window.findings.finding_items()
    ssh = next(item for item in items if item.text(1) == "SEC-001")
    window.findings.tree.setCurrentItem(ssh)
    window.findings._clicked(ssh, 0)
    assert window.scene.selected_node_ids() == ["web"]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert (centre - scene_centre(window, "web")).manhattanLength() < 5
    assert window.properties.title.text().startswith("Amazon EC2 instance")


def test_suppressing_a_finding_is_stored_and_undoable(window: MainWindow) -> None:
    open_example(window, MVP)
    window.runner.run_now()
    ssh = next(item for item in window.findings.finding_items() if item.text(1) == "SEC-001")
    window.findings.tree.setCurrentItem(ssh)
    assert window.findings.suppress_current("Lab machine behind the office VPN")
    window.runner.run_now()
    [finding] = [f for f in window.runner.result.findings if f.rule_id == "SEC-001"]  # type: ignore[union-attr]
    assert (finding.suppressed, finding.suppression_reason) == (True, "Lab machine behind the office VPN")
    window.menu_actions["undo"].trigger()
    assert window.document.architecture.suppressions == ()


def test_finding_badges_and_lockin_follow_validation(window: MainWindow) -> None:
    open_example(window, MVP)
    window.runner.run_now()
    assert window.lockin.score_label.text() == "Lock-in: 33/100"
    assert window.findings.summary.text().startswith("7 errors")


def test_gui_screenshot_command_renders_the_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    run = subprocess.run(
        [sys.executable, "-m", "archbuilder", "gui", str(THREE_TIER), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    colours = {image.pixel(x, y) for x in range(0, 1600, 37) for y in range(0, 1000, 41)}
    assert len(colours) > 20  # a real window, not a blank image


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window: MainWindow) -> None:
    open_example(window, THREE_TIER)
    window.document.move_items({"orders-db": (5.0, 5.0)})
    asked: list[bool] = []

    def cancel() -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    window.ask_unsaved = cancel  # type: ignore[method-assign]
    assert window.close() is False
    assert asked == [True] and window.isVisible()
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    assert window.close() is True


def test_an_empty_canvas_says_how_to_begin(window: MainWindow) -> None:
    viewport = window.view.viewport()
    image = viewport.grab().toImage()
    centre = image.rect().center()
    line = [
        image.pixelColor(x, centre.y() - 15 + dy).lightness()
        for x in range(centre.x() - 150, centre.x() + 150)
        for dy in range(0, 30, 3)
    ]
    assert min(line) < 200  # the hint's text, grey on white
    window.open_path(THREE_TIER)
    assert (
        window.view.arch_scene.architecture.nodes
    )  # with a design the hint is not drawn (drawForeground returns)
