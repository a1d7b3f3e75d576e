"""Multi-subnet services are drawn in every subnet they span: span items, their placement, selection, undo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from archbuilder.canvas.items.span_item import SpanItem
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.spans import place_span
from archbuilder.canvas.styles import HEADER_HEIGHT
from archbuilder.editor.document import Document
from archbuilder.model import load
from archbuilder.model.nodes import SERVICE_HEIGHT, SERVICE_WIDTH
from archbuilder.resource_files import example_path
from tests.canvas.helpers import click

AREA = QRectF(4, 32, 392, 164)  # a 400 x 200 subnet less its header and margins


def _box(x: float, y: float) -> QRectF:
    return QRectF(x, y, SERVICE_WIDTH, SERVICE_HEIGHT)


def test_place_span_keeps_the_aligned_place_when_it_is_free() -> None:
    assert place_span(QPointF(220, 60), AREA, [_box(40, 60)]) == QPointF(220, 60)


def test_place_span_slides_along_its_row_to_the_nearest_free_column() -> None:
    # The service at 200 blocks 196..300 (4 px gap); right of it (300) is nearer to 220 than left of it (100).
    assert place_span(QPointF(220, 60), AREA, [_box(200, 60)]) == QPointF(300, 60)
    assert place_span(QPointF(120, 60), AREA, [_box(200, 60)]) == QPointF(100, 60)


def test_place_span_takes_another_row_when_its_row_is_full() -> None:
    area = QRectF(4, 32, 292, 300)
    row = [_box(4, 40), _box(104, 40), _box(204, 40)]
    assert place_span(QPointF(104, 40), area, row) == QPointF(104, 128)


def test_place_span_overlaps_least_when_nothing_is_free() -> None:
    area = QRectF(4, 32, 200, 90)
    spot = place_span(QPointF(4, 32), area, [_box(4, 32)])
    assert spot == QPointF(104, 32)  # overlaps the 4 px gap only, inside the area


def _span(scene: ArchitectureScene, service_id: str, subnet_id: str) -> SpanItem:
    found = [item for item in scene.span_items(service_id) if item.subnet_id == subnet_id]
    assert len(found) == 1, (service_id, subnet_id, scene.span_items(service_id))
    return found[0]


def test_extra_subnets_get_span_items_with_the_same_icon_and_label(scene, document) -> None:
    assert document.set_extra_subnets("alb", ["public-b"])
    span = _span(scene, "alb", "public-b")
    assert span.parentItem() is scene.item_for("public-b")
    assert span.pos() == QPointF(40, 60)  # the ALB's place in public-a; public-b is empty
    assert span.label_lines() == ["Web ALB"]
    assert span._icon.pixmap().cacheKey() == scene.item_for("alb")._icon.pixmap().cacheKey()
    assert span.pen().style().name == "DashLine"
    assert "alb" in scene.node_items() and span not in scene.node_items().values()
    document.undo_stack.undo()
    assert scene.span_items("alb") == [] and span.scene() is None
    document.undo_stack.redo()
    assert _span(scene, "alb", "public-b").pos() == QPointF(40, 60)


def test_spans_make_room_for_services_and_follow_their_row(scene, document) -> None:
    arch = scene.architecture
    assert document.set_extra_subnets("db", ["private-b"])
    span = _span(scene, "db", "private-b")
    assert span.pos() == QPointF(220, 60)  # app-b sits at 40..136 in private-b
    arch.move_node("app-b", 200, 60)  # now on the span's place: it slides right along the row
    assert span.pos() == QPointF(300, 60)
    document.undo_stack.undo()  # the extra subnets
    arch.move_node("app-b", 40, 60)
    document.undo_stack.redo()
    span = _span(scene, "db", "private-b")
    assert span.pos() == QPointF(220, 60)
    arch.move_node("db", 260, 100)  # the database moves down: the span keeps to its row
    assert span.pos() == QPointF(260, 100)
    app_b = scene.item_for("app-b")
    assert not app_b.mapRectToParent(app_b.rect()).intersects(_box(260, 100))


def test_deleting_and_undoing_updates_span_items(scene, document) -> None:
    assert document.set_extra_subnets("db", ["private-b"])
    assert document.delete(["db"])
    assert scene.span_items("db") == []
    document.undo_stack.undo()
    assert _span(scene, "db", "private-b").pos() == QPointF(220, 60)
    # Deleting the spanned subnet trims the extra subnet; undo brings subnet and span back.
    assert document.delete(["private-b"])
    assert scene.span_items("db") == [] and scene.architecture.service("db").extra_subnet_ids == []
    document.undo_stack.undo()
    span = _span(scene, "db", "private-b")
    assert span.parentItem() is scene.item_for("private-b") and span.pos() == QPointF(220, 60)


def test_reparenting_drops_spans_of_extra_subnets_no_longer_valid(scene, document) -> None:
    assert document.set_extra_subnets("alb", ["public-b"])
    assert document.move_items({}, [("alb", "public-b", 200, 60)])  # its extra subnet is now its own subnet
    assert scene.architecture.service("alb").extra_subnet_ids == []
    assert scene.span_items("alb") == []
    document.undo_stack.undo()
    assert _span(scene, "alb", "public-b").pos() == QPointF(40, 60)


def test_labels_follow_and_connections_stay_on_the_service(scene, document) -> None:
    connection = scene.connection_item("alb-to-app-a")
    before = connection.points()
    assert document.set_extra_subnets("alb", ["public-b"])
    assert connection.points() == before
    assert document.set_label("alb", "Shop entry")
    assert _span(scene, "alb", "public-b").label_lines() == ["Shop entry"]


def test_pressing_a_span_selects_its_service(qtbot, view, scene, document) -> None:
    assert document.set_extra_subnets("alb", ["public-b"])
    span = _span(scene, "alb", "public-b")
    click(qtbot, view, span.mapToScene(QPointF(48, 30)))
    assert scene.selected_node_ids() == ["alb"]
    assert span.highlighted
    scene.clearSelection()
    assert not span.highlighted


def test_three_tier_example_shows_every_multi_az_service_in_both_azs(qapp) -> None:
    document = Document(load(example_path("three-tier-web")))
    scene = ArchitectureScene(document)
    spans = {(s.service_id, s.subnet_id): (s.pos().x(), s.pos().y()) for s in scene.spans.all_items()}
    # Every copy sits on its service's row and column: the layout left that cell free in the other AZ (a
    # lone service is centred in its subnet, the load balancer shares its row with the NAT gateway).
    assert spans == {
        ("web-alb", "public-b"): (20.0, 40.0),
        ("app-asg", "app-b"): (86.0, 40.0),
        ("orders-db", "data-b"): (86.0, 40.0),
    }
    arch = document.architecture
    assert all((arch.node(service).x, arch.node(service).y) == place for (service, _), place in spans.items())
    nat = scene.item_for("nat-b")
    span = _span(scene, "web-alb", "public-b")
    footprint = _box(span.pos().x(), span.pos().y())
    assert not nat.mapRectToParent(nat.rect()).intersects(footprint)
    assert footprint.top() >= HEADER_HEIGHT
    assert span.parentItem().rect().contains(footprint)


def test_an_automatic_layout_leaves_every_span_its_aligned_place(qapp) -> None:
    from archbuilder.model.layout import auto_layout
    from tests.model.builders import two_az_network

    arch = two_az_network()
    for index in range(3):
        arch.add_service("ec2_instance", "private-b", node_id=f"app-{index}")
    arch.add_service("rds_instance", "private-a", node_id="db", extra_subnet_ids=["private-b"])
    auto_layout(arch)
    scene = ArchitectureScene(Document(arch, None))
    db = arch.node("db")
    # The copy sits exactly on the database's row and column, on a cell no instance took.
    assert _span(scene, "db", "private-b").pos() == QPointF(db.x, db.y)
    taken = {(arch.node(f"app-{index}").x, arch.node(f"app-{index}").y) for index in range(3)}
    assert (db.x, db.y) not in taken
