"""The view driven like a user: palette drops, refusals, drags as one undo step, reparenting, connecting,
deleting, resizing, zoom and fit. Scene layout (see support.network): private-a at scene (100, 500),
private-b at (560, 500), public-a at (100, 260), each 400 x 200; app-b at (600, 560)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QToolTip

from archbuilder.canvas.interactions import CONTAINER_MIME, SERVICE_MIME
from archbuilder.canvas.items.service_item import DETAIL_FULL, DETAIL_ICONS, DETAIL_TILES
from archbuilder.catalog import ConnectionKind
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH
from tests.canvas.helpers import click, drag, drop, hover_drag, landed

CENTER = QPointF(SERVICE_WIDTH / 2, SERVICE_HEIGHT / 2)


def centre_of(scene, node_id: str) -> QPointF:
    return scene.item_for(node_id).mapToScene(CENTER)


def test_layout_assumed_by_these_tests(scene) -> None:
    assert scene.item_for("private-a").scenePos() == QPointF(100, 500)
    assert scene.item_for("private-b").scenePos() == QPointF(560, 500)
    assert scene.item_for("app-b").scenePos() == QPointF(600, 560)


def test_drop_a_service_into_a_subnet(view, scene, document) -> None:
    point = QPointF(760, 630)
    drop(view, SERVICE_MIME, "ec2_instance", point)
    at = landed(view, point)
    new = [
        n for n in document.architecture.services() if n.id not in {"alb", "app-a", "app-b", "db", "assets"}
    ]
    assert len(new) == 1
    node = new[0]
    assert (node.type, node.parent_id) == ("ec2_instance", "private-b")
    assert (node.x, node.y) == (at.x() - 560 - SERVICE_WIDTH / 2, at.y() - 500 - SERVICE_HEIGHT / 2)
    assert scene.selected_node_ids() == [node.id]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert node.id not in document.architecture.nodes and scene.item_for(node.id) is None


def test_drop_a_container_into_its_parent_kind(view, document) -> None:
    drop(view, CONTAINER_MIME, "subnet-public", QPointF(760, 560))  # over private-b: lands in its AZ
    new = [n for n in document.architecture.nodes.values() if n.label == "Public subnet"]
    assert [(n.parent_id, n.tier.value) for n in new] == [("az-b", "public")]


def test_rds_outside_a_subnet_is_refused_with_the_reason(view, scene, document) -> None:
    before = set(document.architecture.nodes)
    hover_drag(view, SERVICE_MIME, "rds_instance", QPointF(300, 140))  # over the region, outside the VPC
    assert scene.item_for("region").drop_highlight is False
    event = drop(view, SERVICE_MIME, "rds_instance", QPointF(300, 140))
    assert not event.isAccepted()
    assert set(document.architecture.nodes) == before
    assert (
        document.messages[-1] == "Refused: RDS cannot be placed in a region; it belongs in a private subnet"
    )
    assert scene.item_for("region").drop_highlight is None
    assert document.undo_stack.count() == 0


def test_s3_into_a_vpc_is_refused_and_a_private_subnet_highlights_green_for_rds(
    view, scene, document
) -> None:
    drop(view, SERVICE_MIME, "s3_bucket", QPointF(100, 200))  # VPC body, outside the AZs
    assert document.messages[-1] == "Refused: S3 cannot be placed in a VPC; it belongs in a region"
    assert [n.id for n in document.architecture.services() if n.type == "s3_bucket"] == ["assets"]
    hover_drag(view, SERVICE_MIME, "rds_instance", QPointF(760, 650))
    assert scene.item_for("private-b").drop_highlight is True
    hover_drag(view, SERVICE_MIME, "rds_instance", QPointF(760, 400))  # public-b: refused
    assert (scene.item_for("private-b").drop_highlight, scene.item_for("public-b").drop_highlight) == (
        None,
        False,
    )


def test_a_service_dropped_on_the_bare_canvas_is_refused(view, document) -> None:
    view.centerOn(1500, 1500)
    drop(view, SERVICE_MIME, "ec2_instance", QPointF(1500, 1500))
    assert document.messages[-1] == (
        "Refused: EC2 cannot be placed outside any region; it belongs in a public subnet or in a private subnet"
    )


def test_dragging_a_service_is_one_undo_step(qtbot, view, scene, document) -> None:
    start = centre_of(scene, "app-b")
    drag(qtbot, view, start, start + QPointF(120, 40))
    node = document.architecture.node("app-b")
    assert (node.parent_id, node.x, node.y) == ("private-b", 160, 100)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    node = document.architecture.node("app-b")  # nodes are immutable: the model holds a new one
    assert (node.x, node.y) == (40, 60)
    assert scene.item_for("app-b").pos() == QPointF(40, 60)


def test_dragging_into_another_subnet_reparents_in_one_step(qtbot, view, scene, document) -> None:
    start = centre_of(scene, "app-b")
    drag(qtbot, view, start, start + QPointF(-300, 20))  # into private-a
    node = document.architecture.node("app-b")
    assert (node.parent_id, node.x, node.y) == ("private-a", 200, 80)
    assert scene.item_for("app-b").parentItem() is scene.item_for("private-a")
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    node = document.architecture.node("app-b")
    assert (node.parent_id, node.x, node.y) == ("private-b", 40, 60)
    assert scene.item_for("app-b").parentItem() is scene.item_for("private-b")


def test_a_refused_drag_snaps_back_with_the_reason(qtbot, view, scene, document) -> None:
    start = centre_of(scene, "assets")
    drag(qtbot, view, start, centre_of(scene, "app-b") + QPointF(150, 0))  # S3 into a subnet
    assert document.messages[-1] == "Assets: S3 cannot be placed in a private subnet; it belongs in a region"
    node = document.architecture.node("assets")
    assert (node.parent_id, node.x, node.y) == ("region", 40, 40)
    assert scene.item_for("assets").pos() == QPointF(40, 40)
    assert document.undo_stack.count() == 0


def test_shift_click_adds_to_the_selection_and_both_move_in_one_step(qtbot, view, scene, document) -> None:
    click(qtbot, view, centre_of(scene, "app-a"))
    click(qtbot, view, centre_of(scene, "app-b"), Qt.KeyboardModifier.ShiftModifier)
    assert sorted(scene.selected_node_ids()) == ["app-a", "app-b"]
    start = centre_of(scene, "app-b")
    drag(qtbot, view, start, start + QPointF(0, 50))
    arch = document.architecture
    assert [(arch.node(i).x, arch.node(i).y) for i in ("app-a", "app-b")] == [(40, 110), (40, 110)]
    assert document.undo_stack.count() == 1


def test_rubber_band_selects_the_services_inside_it(qtbot, view, scene) -> None:
    drag(qtbot, view, QPointF(570, 540), QPointF(800, 690))  # inside private-b, around app-b
    assert scene.selected_node_ids() == ["app-b"]


def test_moving_a_subnet_by_its_header_carries_its_services(qtbot, view, scene, document) -> None:
    header = scene.item_for("private-b").mapToScene(QPointF(200, 12))
    drag(qtbot, view, header, header + QPointF(0, 20))
    arch = document.architecture
    assert (arch.node("private-b").x, arch.node("private-b").y) == (20, 310)
    assert scene.item_for("app-b").scenePos() == QPointF(600, 580)
    assert (arch.node("app-b").x, arch.node("app-b").y) == (40, 60)


def test_resize_a_container_with_its_handle(qtbot, view, scene, document) -> None:
    click(qtbot, view, scene.item_for("private-b").mapToScene(QPointF(200, 12)))
    corner = scene.item_for("private-b").mapToScene(QPointF(396, 196))
    drag(qtbot, view, corner, corner + QPointF(-100, 20))
    node = document.architecture.node("private-b")
    assert (node.width, node.height) == (300, 220)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert scene.item_for("private-b").rect().size().toTuple() == (400, 200)


def test_connect_two_services_from_the_handle(qtbot, view, scene, document) -> None:
    click(qtbot, view, centre_of(scene, "alb"))
    handle = scene.item_for("alb").connect_handle()
    assert handle.isVisible()
    drag(qtbot, view, handle.scenePos(), centre_of(scene, "app-b"))
    connection = document.architecture.connection("alb-to-app-b")
    assert (connection.source_id, connection.target_id, connection.kind) == (
        "alb",
        "app-b",
        ConnectionKind.TRAFFIC,
    )
    assert scene.item_for("alb-to-app-b") is not None


def test_connect_mode_asks_for_the_kind_when_the_target_accepts_several(qtbot, view, scene, document) -> None:
    offered = []

    def choose(kinds, at):
        offered.append(list(kinds))
        return ConnectionKind.READ

    scene.kind_chooser = choose
    view.set_connect_mode(True)
    drag(qtbot, view, centre_of(scene, "app-b"), centre_of(scene, "db"))
    assert offered == [
        [ConnectionKind.TRAFFIC, ConnectionKind.READ, ConnectionKind.WRITE, ConnectionKind.READ_WRITE]
    ]
    connection = document.architecture.connection("app-b-to-db")
    assert connection.kind is ConnectionKind.READ
    assert document.architecture.node("app-b").x == 40  # connect mode does not move items


def test_delete_and_undo(qtbot, view, scene, document) -> None:
    click(qtbot, view, centre_of(scene, "app-a"))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    arch = document.architecture
    assert "app-a" not in arch.nodes and arch.connections_of("db") == []
    assert scene.item_for("app-a") is None and scene.item_for("alb-to-app-a") is None
    document.undo_stack.undo()
    assert sorted(arch.connections) == ["alb-to-app-a", "app-a-to-db"]
    assert scene.item_for("app-a").parentItem() is scene.item_for("private-a")
    assert scene.item_for("app-a-to-db") is not None


def test_duplicate_selection(qtbot, view, scene, document) -> None:
    scene.select_nodes(["app-b"])
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [n for n in document.architecture.services() if n.parent_id == "private-b" and n.id != "app-b"]
    assert [(c.type, c.x, c.y) for c in copies] == [("ec2_instance", 64, 84)]
    assert scene.selected_node_ids() == [copies[0].id]


def test_fit_all_shows_every_item(view, scene) -> None:
    view.set_zoom(3.0)
    view.fit_all()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for node_id in scene.node_items():
        assert visible.contains(scene.item_for(node_id).sceneBoundingRect()), node_id
    assert view.zoom() < 1.2


def test_wheel_zooms_about_the_cursor(view) -> None:
    cursor = view.viewport().rect().center() + view.viewport().rect().topLeft() / 2
    cursor.setX(300)
    before = view.mapToScene(cursor)
    event = QWheelEvent(
        QPointF(cursor),
        QPointF(view.viewport().mapToGlobal(cursor)),
        cursor * 0,
        cursor * 0 + type(cursor)(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    view.wheelEvent(event)
    assert view.zoom() == 1.25
    after = view.mapToScene(cursor)
    assert abs(after.x() - before.x()) <= 1 and abs(after.y() - before.y()) <= 1


def test_level_of_detail_hides_labels_then_icons(view, scene) -> None:
    item = scene.item_for("db")
    view.set_zoom(0.3)
    assert (item._detail, item._lines[0].isVisible(), item._icon.isVisible()) == (DETAIL_ICONS, False, True)
    assert scene.item_for("app-a-to-db").isVisible()
    view.set_zoom(0.1)
    assert (item._detail, item._icon.isVisible()) == (DETAIL_TILES, False)
    assert not scene.item_for("app-a-to-db").isVisible()
    view.set_zoom(1.0)
    assert (item._detail, item._lines[0].isVisible(), item._icon.isVisible()) == (DETAIL_FULL, True, True)
    assert scene.item_for("app-a-to-db").isVisible()


def test_center_on_nodes(view, scene) -> None:
    view.centerOn(2000, 2000)
    view.center_on_nodes(["db"])
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.item_for("db").sceneBoundingRect())


def test_tooltips_of_services_spans_and_connections_are_made_on_request(qtbot, view, scene, document) -> None:
    def tooltip_at(point: QPointF) -> str:
        event = QGraphicsSceneHelpEvent(QEvent.Type.GraphicsSceneHelp)
        event.setScenePos(point)
        event.setScreenPos(view.viewport().mapToGlobal(view.mapFromScene(point)))
        QToolTip.hideText()
        scene.helpEvent(event)
        return QToolTip.text()

    db = scene.item_for("db")
    assert db.toolTip() == ""  # nothing set per item
    assert tooltip_at(db.mapToScene(QPointF(48, 30))) == "Orders database\nrds_instance"
    scene.architecture.set_label("db", "<b>Orders</b>")  # plain text, never markup
    assert "&lt;b&gt;Orders&lt;/b&gt;" in tooltip_at(db.mapToScene(QPointF(48, 30)))
    assert document.set_extra_subnets("alb", ["public-b"])
    span = scene.span_items("alb")[0]
    assert tooltip_at(span.mapToScene(QPointF(48, 30))).startswith("Web ALB\nalb\nAlso runs in this subnet")
    first, second = scene.connection_item("alb-to-app-a").points()[:2]
    assert tooltip_at((first + second) / 2) == "alb → app-a\ntraffic"


def test_deleting_a_service_and_a_connection_is_one_step(qtbot, view, scene, document) -> None:
    before = sorted(document.architecture.connections), sorted(document.architecture.nodes)
    click(qtbot, view, centre_of(scene, "assets"))
    scene.item_for("alb-to-app-a").setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    arch = document.architecture
    assert "assets" not in arch.nodes and "alb-to-app-a" not in arch.connections
    assert [document.undo_stack.text(i) for i in range(document.undo_stack.count())] == ["Delete 2 items"]
    document.undo_stack.undo()
    assert (sorted(arch.connections), sorted(arch.nodes)) == before
    assert scene.item_for("alb-to-app-a") is not None and scene.item_for("assets") is not None
