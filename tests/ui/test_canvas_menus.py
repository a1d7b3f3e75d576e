"""Right-click menus, rename in place (F2), pinning, snapping with guides, and align and distribute, in a
real main window."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLineEdit

from archbuilder.canvas.context_menu import context_menu
from archbuilder.ui.main_window import MainWindow


def _texts(menu) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.text() for action in menu.actions() if action.text()]


def _trigger(menu, text: str) -> None:  # type: ignore[no-untyped-def]
    next(action for action in menu.actions() if action.text() == text).trigger()


def test_the_menu_on_a_service_renames_pins_and_unpins(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, document = window.scene, window.document
    where = scene.item_for("assets").mapToScene(QPointF(48, 30))
    menu = context_menu(window.view, where)
    assert scene.selected_node_ids() == ["assets"]  # the clicked item becomes the selection
    assert _texts(menu) == ["Rename\tF2", "Pin (Arrange keeps it here)", "Duplicate", "Delete", "Zoom to"]
    _trigger(menu, "Pin (Arrange keeps it here)")
    assert document.architecture.node("assets").pinned
    assert document.undo_stack.undoText() == "Pin Static assets"
    menu = context_menu(window.view, where)
    assert "Unpin (Arrange may move it)" in _texts(menu)
    document.undo_stack.undo()
    assert not document.architecture.node("assets").pinned


def test_the_menu_on_a_connection_resets_its_route_and_on_the_canvas_adds_a_note(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, document = window.scene, window.document
    item = scene.connection_item("app-asg-to-orders-db")
    assert document.set_waypoints(item.connection_id, [(300.0, 900.0)])
    first, second = item.points()[:2]
    menu = context_menu(window.view, (first + second) / 2)
    assert _texts(menu) == ["Reset the route", "Delete"]
    _trigger(menu, "Reset the route")
    assert document.architecture.connection("app-asg-to-orders-db").waypoints == ()
    empty = QPointF(-400, -400)
    menu = context_menu(window.view, empty)
    assert _texts(menu) == ["Paste", "Add a note here", "Arrange", "Fit to window"]
    _trigger(menu, "Add a note here")
    [note] = document.architecture.annotations.items.values()
    assert (note.kind, note.x, note.y) == ("note", -400.0, -400.0)


def test_f2_renames_in_place_enter_keeps_escape_drops(qtbot, window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, view, document = window.scene, window.view, window.document
    scene.select_nodes(["orders-db"])
    qtbot.keyClick(view, Qt.Key.Key_F2)
    field = view.renaming
    assert isinstance(field, QLineEdit) and field.text() == "Orders database" and field.isVisible()
    field.setText("Orders DB")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert document.architecture.node("orders-db").label == "Orders DB"
    assert document.undo_stack.undoText() == "Rename Orders database"
    steps = document.undo_stack.count()
    field = view.rename_in_place()
    assert field is not None
    field.setText("Something else")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert (
        document.architecture.node("orders-db").label == "Orders DB" and document.undo_stack.count() == steps
    )


def test_a_dragged_service_snaps_to_a_sibling_with_a_guide_then_to_the_grid(
    qtbot, window: MainWindow
) -> None:
    window.new_document("three-tier-web")
    scene, view, document = window.scene, window.view, window.document
    view.reset_zoom()
    trail, cert = scene.item_for("trail"), scene.item_for("web-cert")
    view.centerOn(trail)
    grab = trail.mapToScene(QPointF(48, 30))
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view.mapFromScene(grab))
    # Down 60 and 3 right of the certificate's column: the left edges line up with a guide.
    target = grab + QPointF(cert.pos().x() - trail.pos().x() + 3, 60)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, view.mapFromScene(grab + (target - grab) * step / 4))
    assert trail.pos().x() == cert.pos().x()
    assert [line.x1() == line.x2() for line in scene.snapper.guides()] == [True]
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view.mapFromScene(target))
    assert scene.snapper.guides() == []
    node = document.architecture.node("trail")
    assert node.x == cert.pos().x() and node.y % 10 == 0


def test_align_and_distribute_move_the_selection_in_one_step(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, document = window.scene, window.document
    arch = document.architecture
    assert document.move_items({"web-cert": (20.0, 40.0), "trail": (200.0, 60.0), "assets": (500.0, 52.0)})
    scene.select_nodes(["web-cert", "trail", "assets"])
    window.menu_actions["align_top"].trigger()
    assert [arch.node(n).y for n in ("web-cert", "trail", "assets")] == [40.0, 40.0, 40.0]
    assert document.undo_stack.undoText() == "Move 2 items"  # the certificate was already at the top
    window.menu_actions["distribute_h"].trigger()
    centres = sorted(arch.node(n).x + 48 for n in ("web-cert", "trail", "assets"))
    assert centres[1] - centres[0] == centres[2] - centres[1] == 240.0
