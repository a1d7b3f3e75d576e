"""Editing as in other desktop diagram tools, in a real main window: Ctrl+Y redo, click-then-click connect,
Ctrl+A, zoom to selection, panels back from the View menu, arrow-key nudge, dialogs that never start in the
bundled examples, the wheel leaving unfocused fields alone, and only the connection kinds that make sense."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QSpinBox

from archbuilder.catalog import ConnectionKind, default_catalog
from archbuilder.model.pairs import kinds_between
from archbuilder.resource_files import example_path, examples_dir
from archbuilder.ui.main_window import MainWindow


def test_ctrl_y_redoes_what_ctrl_z_undid(qtbot, window: MainWindow) -> None:
    window.new_document("three-tier-web")
    redo = window.menu_actions["redo"]
    assert "Ctrl+Y" in [s.toString() for s in redo.shortcuts()]
    assert len({s.toString() for s in redo.shortcuts()}) == len(redo.shortcuts())  # no shortcut twice
    document = window.document
    assert document.set_label("web-alb", "Front door")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.architecture.node("web-alb").label == "Web load balancer"
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert document.architecture.node("web-alb").label == "Front door"


def _click(qtbot, window: MainWindow, scene_point: QPointF) -> None:
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(scene_point)
    )


def test_connect_mode_takes_a_click_on_the_source_then_a_click_on_the_target(
    qtbot, window: MainWindow
) -> None:
    window.new_document("three-tier-web")
    view, scene, document = window.view, window.scene, window.document
    view.reset_zoom()
    window.menu_actions["connect_mode"].setChecked(True)
    source, target = (
        scene.item_for("app-asg"),
        scene.item_for("static-assets" if scene.item_for("static-assets") else "assets"),
    )
    view.centerOn(source)
    _click(qtbot, window, source.mapToScene(QPointF(48, 30)))
    assert scene.connect_gesture.active  # released on the source: waiting for the target
    view.centerOn(target)
    before = set(document.architecture.connections)
    scene.kind_chooser = lambda kinds, at: kinds[0]
    _click(qtbot, window, target.mapToScene(QPointF(48, 30)))
    assert not scene.connect_gesture.active
    [new] = set(document.architecture.connections) - before
    connection = document.architecture.connection(new)
    assert (connection.source_id, connection.target_id) == ("app-asg", target.node_id)


def test_select_all_zoom_to_selection_and_panels_from_the_view_menu(qtbot, window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, view = window.scene, window.view
    window.menu_actions["select_all"].trigger()
    assert sorted(scene.selected_node_ids()) == sorted(window.document.architecture.nodes)
    scene.select_nodes(["orders-db"])
    view.fit_all()
    fitted = view.zoom()
    window.menu_actions["zoom_selection"].trigger()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert view.zoom() > fitted and shown.contains(scene.item_for("orders-db").sceneBoundingRect())
    findings = next(d for d in window.findChildren(QDockWidget) if d.windowTitle() == "Findings")
    findings.close()
    assert not findings.isVisible()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    panels = next(a.menu() for a in view_menu.actions() if a.text() == "&Panels")
    toggle = next(a for a in panels.actions() if a.text() == "Findings")
    toggle.trigger()
    assert findings.isVisible()


def test_arrow_keys_nudge_the_selection_one_undo_step_each(qtbot, window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, view, document = window.scene, window.view, window.document
    node = document.architecture.node(
        "static-assets" if "static-assets" in document.architecture.nodes else "assets"
    )
    scene.select_nodes([node.id])
    steps = document.undo_stack.count()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    window.scene.nudge_selection(0, 9)  # what Shift+Down adds to a plain Down: ten in all
    moved = document.architecture.node(node.id)
    assert (moved.x, moved.y) == (node.x + 1, node.y + 10)
    assert document.undo_stack.count() == steps + 3


def test_dialogs_never_start_in_the_bundled_examples_folder(window: MainWindow, tmp_path: Path) -> None:
    example = Path(str(example_path("three-tier-web")))
    assert window.open_path(example)
    bundled = Path(str(examples_dir())).resolve()
    assert window.start_folder().resolve() != bundled
    assert window.suggested_save_path().parent.resolve() != bundled
    mine = tmp_path / "mine.arch.json"
    assert window._save_to(mine)
    assert window.start_folder() == tmp_path and window.suggested_save_path() == mine


def test_the_wheel_over_an_unfocused_spin_box_changes_nothing(qtbot, window: MainWindow) -> None:
    window.new_document("three-tier-web")
    window.scene.select_nodes(["web-alb"])
    spin = window.properties.editors["deregistration_delay_seconds"]
    assert isinstance(spin, QSpinBox)
    before, steps = spin.value(), window.document.undo_stack.count()

    def wheel() -> None:
        centre = QPointF(spin.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(spin.mapToGlobal(spin.rect().center())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(spin, event)

    window.view.setFocus()
    wheel()
    assert spin.value() == before and window.document.undo_stack.count() == steps
    window.activateWindow()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel()
    assert spin.value() != before  # clicked into, the field takes the wheel as usual


def test_only_the_kinds_the_source_can_start_are_offered() -> None:
    catalog = default_catalog()
    assert ConnectionKind.REPLICATE in catalog.get("rds_instance").accepts
    assert kinds_between(catalog, "alb", "rds_instance") == [ConnectionKind.TRAFFIC]
    assert ConnectionKind.REPLICATE in kinds_between(catalog, "rds_instance", "rds_instance")
    assert ConnectionKind.ATTACH in kinds_between(catalog, "acm_certificate", "alb")
    assert ConnectionKind.ATTACH not in kinds_between(catalog, "s3_bucket", "alb")
    assert ConnectionKind.DNS in kinds_between(catalog, "route53_zone", "alb")
    assert ConnectionKind.DNS not in kinds_between(catalog, "cloudfront_distribution", "alb")
