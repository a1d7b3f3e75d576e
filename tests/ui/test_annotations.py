"""Insert › Note, Callout, Users, Internet, Corporate data center in a real main window: drawn on the canvas,
moved, edited, deleted and undone, saved with the design and drawn in the exports."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QPointF, Qt

from archbuilder.canvas.items.annotation_item import AnnotationItem
from archbuilder.exporters.diagram.build import dot_source
from archbuilder.exporters.diagram.drawio import build_xml
from archbuilder.model import dumps, load
from archbuilder.ui.main_window import MainWindow
from tests.canvas.helpers import drag, landed


def test_users_actor_reaches_the_selected_service_and_undo_removes_it(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, document = window.scene, window.document
    scene.select_nodes(["web-alb"])
    window.menu_actions["insert_users"].trigger()
    annotation = document.architecture.annotations.get("users")
    assert (annotation.kind, annotation.targets, annotation.title) == ("users", ("web-alb",), "Users")
    assert document.undo_stack.undoText() == "Add users"
    [link] = scene.annotations.links["users"]
    assert link.target_id == "web-alb" and len(link.points()) >= 2
    alb = scene.item_for("web-alb").anchor_scene()
    tip = link.points()[-1]
    assert alb[0] <= tip.x() <= alb[2] and alb[1] <= tip.y() <= alb[3]  # the arrow ends on the ALB
    # The diagram export draws the user's actor instead of the automatic one.
    source = dot_source(document.architecture)
    assert '"users-to-web-alb__from" ->' in source and "actor-users" not in source
    document.undo_stack.undo()
    assert not document.architecture.annotations.items and not scene.annotations.items


def test_a_note_is_written_moved_deleted_and_saved(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.new_document("serverless-api")
    scene, view, document = window.scene, window.view, window.document
    scene.text_editor = lambda title, current: "Peak: 2,000 orders a minute"
    window.menu_actions["insert_note"].trigger()
    [note_id] = list(document.architecture.annotations.items)
    note = document.architecture.annotations.get(note_id)
    assert (note.kind, note.text) == ("note", "Peak: 2,000 orders a minute")
    assert document.undo_stack.undoText() == "Edit note"
    item = scene.annotations.items[note_id]
    assert isinstance(item, AnnotationItem) and item.text() == "Peak: 2,000 orders a minute"
    start = item.mapToScene(QPointF(20, 20))
    drag(qtbot, view, start, start + QPointF(60, 40))
    moved = document.architecture.annotations.get(note_id)
    offset = landed(view, start + QPointF(60, 40)) - landed(view, start)
    assert (moved.x - note.x, moved.y - note.y) == pytest.approx((offset.x(), offset.y()))
    assert document.undo_stack.undoText() == "Move note"
    path = tmp_path / "noted.arch.json"
    window._save_to(path)
    assert load(path).annotations.get(note_id).text == "Peak: 2,000 orders a minute"
    scene.clearSelection()
    item.setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert note_id not in document.architecture.annotations.items
    assert document.undo_stack.undoText() == "Delete note"
    document.undo_stack.undo()
    assert note_id in scene.annotations.items


def test_a_callout_points_at_its_node_in_the_canvas_and_the_exports(window: MainWindow) -> None:
    window.new_document("three-tier-web")
    scene, document = window.scene, window.document
    scene.text_editor = lambda title, current: "Multi-AZ: failover in 60-120 s"
    scene.select_nodes(["orders-db"])
    window.menu_actions["insert_callout"].trigger()
    [callout] = [a for a in document.architecture.annotations.items.values() if a.kind == "callout"]
    assert callout.targets == ("orders-db",)
    item = scene.annotations.items[callout.id]
    assert item.boundingRect().contains(
        item.mapFromScene(scene.item_for("orders-db").sceneBoundingRect().center())
    )
    source = dot_source(document.architecture)
    assert f'{callout.id}__text [label="Multi-AZ: failover in 60-120 s\\l"' in source
    cells = {c.get("id"): c for c in ElementTree.fromstring(build_xml(document.architecture)).iter("mxCell")}
    assert cells[f"annotation-{callout.id}"].get("value") == "Multi-AZ: failover in 60-120 s"
    assert cells[f"annotation-{callout.id}-leader"].get("target") == "orders-db"
    assert '"annotations": [' in dumps(document.architecture)
