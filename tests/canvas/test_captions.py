"""Connection captions avoid services, span items and container headers: exact geometry."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.labels import SIDE_GAP, place_caption
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.editor.document import Document
from archbuilder.model import load
from archbuilder.resource_files import example_path

SIZE = QSizeF(40, 14)


def _box(centre: QPointF, size: QSizeF = SIZE) -> QRectF:
    return QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(), size.height())


def _covers(*rects: QRectF):  # the area of `rects` under a box
    def area(box: QRectF) -> float:
        common = [box.intersected(rect) for rect in rects if box.intersects(rect)]
        return sum(c.width() * c.height() for c in common)

    return area


def test_a_free_caption_sits_on_the_middle_of_its_line() -> None:
    assert place_caption(QLineF(100, 0, 100, 200), SIZE, _covers()) == QPointF(100, 100)


def test_a_caption_moves_along_its_line_away_from_a_service() -> None:
    service = QRectF(60, 80, 30, 40)  # left of the vertical line, beside its middle
    # The middle and its left side are covered; the right side of the middle is free.
    assert place_caption(QLineF(100, 0, 100, 200), SIZE, _covers(service)) == QPointF(
        100 + 20 + SIDE_GAP, 100
    )
    wide = QRectF(60, 80, 80, 40)  # covers the middle and both sides: the caption moves up the line
    centre = place_caption(QLineF(100, 0, 100, 200), SIZE, _covers(wide))
    assert centre == QPointF(100, 200 / 3)  # 5/12 of the way (y 83) still meets it; 4/12 is free
    assert not _box(centre).intersects(wide)


def test_a_caption_covered_everywhere_goes_where_it_covers_least() -> None:
    everywhere = QRectF(-50, -50, 300, 100)
    assert place_caption(QLineF(0, 0, 200, 0), SIZE, _covers(everywhere)) == QPointF(100, 0)
    # Covered everywhere, less so below the line: the caption goes beside the middle, below.
    above = QRectF(-50, -50, 300, 50)
    below_edge = QRectF(-50, 0, 300, 12)
    assert place_caption(QLineF(0, 0, 200, 0), SIZE, _covers(above, below_edge)) == QPointF(100, 7 + SIDE_GAP)


def _outlines(scene: ArchitectureScene) -> dict[str, QRectF]:
    rects = {
        node_id: item.outline_scene()
        for node_id, item in scene.node_items().items()
        if isinstance(item, ServiceItem)
    }
    rects.update({f"span:{s.service_id}:{s.subnet_id}": s.outline_scene() for s in scene.spans.all_items()})
    rects.update(
        {
            f"header:{node_id}": item.header_scene_rect()
            for node_id, item in scene.node_items().items()
            if not isinstance(item, ServiceItem)
        }
    )
    return rects


def test_three_tier_captions_cover_no_service_span_or_header(qapp) -> None:
    scene = ArchitectureScene(Document(load(example_path("three-tier-web"))))
    outlines = _outlines(scene)
    attach = scene.connection_item("web-cert-to-web-alb")
    # Centred on its line the caption covered the Internet gateway's label (the overlap this fixes).
    assert _box(attach.line().center(), attach.label_size()).intersects(outlines["igw"])
    shown = {}
    rects: list[QRectF] = []
    for connection_id in scene.architecture.connections:
        item = scene.connection_item(connection_id)
        assert isinstance(item, ConnectionItem)
        rect = item.label_scene_rect()
        if item.label_fits():
            assert rect is not None, connection_id
        if rect is None:
            continue
        shown[connection_id] = item.label_text()
        assert [other for other in rects if other.intersects(rect)] == [], connection_id  # nor each other
        rects.append(rect)
        hits = [name for name, outline in outlines.items() if rect.intersects(outline)]
        assert hits == [], (connection_id, hits)
    assert shown == {
        "app-asg-to-assets": "read write",
        "app-asg-to-orders-db": "SQL :5432",
        "dns-to-web-alb": "shop.example.com",
        "web-alb-to-app-asg": "traffic :8080",
        "web-cert-to-web-alb": "attach",
    }


def test_a_caption_avoids_the_service_its_line_crosses_and_follows_reroutes(scene) -> None:
    arch = scene.architecture
    arch.connect("app-a", "app-b", "traffic", connection_id="app-a-to-app-b")  # crosses the database
    item = scene.connection_item("app-a-to-app-b")
    db = scene.item_for("db").outline_scene()
    assert _box(item.line().center(), item.label_size()).intersects(db)
    rect = item.label_scene_rect()
    assert rect is not None and not rect.intersects(db)
    assert rect.center().y() == item.line().center().y()  # still on its line, further along
    # Moving the database onto the caption's new place does not move it (only re-routed captions move)...
    arch.move_node("db", 260, 60)
    moved_db = scene.item_for("db").outline_scene()
    assert item.label_scene_rect() == rect and rect.intersects(moved_db)
    # ...re-routing the connection does.
    arch.move_node("app-b", 40, 61)
    rect = item.label_scene_rect()
    assert rect is not None and not rect.intersects(moved_db)


def test_startup_example_caption_no_longer_covers_the_internet_gateway(qapp) -> None:
    scene = ArchitectureScene(Document(load(example_path("startup-mvp"))))
    item = scene.connection_item("web-to-uploads")
    igw = scene.item_for("igw").outline_scene()
    assert _box(item.line().center(), item.label_size()).intersects(igw)  # where it used to be drawn
    rect = item.label_scene_rect()
    assert rect is not None and item.label_text() == "read write"
    assert [name for name, outline in _outlines(scene).items() if rect.intersects(outline)] == []
