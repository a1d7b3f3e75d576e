"""What keeps big designs fast: labels and captions made where the view looks, tree-walk drop targets."""

from __future__ import annotations

from PySide6.QtCore import QPointF

import archbuilder.canvas.captions as captions_module
import archbuilder.canvas.scene as scene_module
from archbuilder.canvas.interactions import containers_at
from tests.canvas.support import network


def _far_away(arch) -> None:
    arch.add_service("ec2_instance", "private-b", label="Far worker", x=280, y=60, node_id="far")
    arch.resize_container("region", 9000, 760)
    arch.move_node("az-b", 8000, 50)
    arch.resize_container("vpc", 8500, 600)


def test_a_big_design_makes_labels_and_captions_where_the_view_looks(monkeypatch, view, scene, document):
    monkeypatch.setattr(scene_module, "LABELS_AT_ONCE", 3)
    monkeypatch.setattr(scene_module, "CAPTIONS_AT_ONCE", 0)
    monkeypatch.setattr(captions_module, "CAPTIONS_AT_ONCE", 0)
    replacement = network()
    _far_away(replacement)
    replacement.connect("app-b", "far", "traffic", connection_id="app-b-to-far")
    view.reset_zoom()
    view.centerOn(QPointF(8800, 9000))  # nowhere near anything
    document.replace(replacement)
    services = ["alb", "app-a", "db", "app-b", "far", "assets"]
    assert [scene.item_for(s).label_realized for s in services] == [False] * 6
    assert scene.item_for("far").label_lines() == ["Far worker"]  # known without the text items
    assert scene.connection_item("alb-to-app-a").label_scene_rect() is None
    view.centerOn(scene.item_for("app-a").sceneBoundingRect().center())
    realized = {s for s in services if scene.item_for(s).label_realized}
    assert {"alb", "app-a", "db"} <= realized and not {"app-b", "far"} & realized
    caption = scene.connection_item("alb-to-app-a").label_scene_rect()
    # Placed by the canvas's rule (off the subnet's border, beside its line): placing it again keeps it.
    assert caption is not None
    scene.captions.place(scene.connection_item("alb-to-app-a"))
    assert scene.connection_item("alb-to-app-a").label_scene_rect() == caption
    assert scene.connection_item("app-b-to-far").label_scene_rect() is None
    view.set_zoom(0.3)  # zoomed out nothing more is made
    view.centerOn(scene.item_for("far").sceneBoundingRect().center())
    assert not scene.item_for("far").label_realized
    view.reset_zoom()
    view.centerOn(scene.item_for("far").sceneBoundingRect().center())
    assert scene.item_for("far").label_realized
    assert scene.item_for("far")._lines[0].text() == "Far worker"


def test_drop_targets_are_the_nested_containers_under_the_point(scene) -> None:
    point = scene.item_for("private-a").mapToScene(QPointF(200, 100))
    ids = [c.node_id for c in containers_at(scene, point)]
    assert ids == ["private-a", "az-a", "vpc", "region"]
    # Excluding a container skips it and everything inside it.
    assert [c.node_id for c in containers_at(scene, point, [scene.item_for("az-a")])] == ["vpc", "region"]
    assert containers_at(scene, QPointF(-500, -500)) == []
