"""Connection captions avoid services, span items and container headers: exact geometry."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.canvas.items.container_item import ContainerItem
from archbuilder.canvas.items.service_item import ServiceItem
from archbuilder.canvas.labels import OutlineIndex, covered_area, place_caption
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


def _route(*points: tuple[float, float]) -> list[QPointF]:
    return [QPointF(x, y) for x, y in points]


def test_a_free_caption_sits_on_the_middle_of_its_longest_segment() -> None:
    assert place_caption(_route((100, 0), (100, 200)), SIZE, _covers()) == QPointF(100, 100)
    # An L-shaped route: on its longer, horizontal segment.
    assert place_caption(_route((0, 0), (0, 60), (300, 60)), SIZE, _covers()) == QPointF(150, 60)


def test_a_caption_moves_along_its_route_away_from_a_service() -> None:
    service = QRectF(60, 80, 30, 40)  # left of the vertical line, beside its middle
    # The middle is covered; 35 % of the way along (y 70) the box clears the service.
    assert place_caption(_route((100, 0), (100, 200)), SIZE, _covers(service)) == QPointF(100, 70)
    wide = QRectF(60, 60, 80, 80)  # covers y 60..140: on the line, first free at 20 % (y 40)
    centre = place_caption(_route((100, 0), (100, 200)), SIZE, _covers(wide))
    assert centre == QPointF(100, 40)
    assert not _box(centre).intersects(wide)


def test_a_caption_covered_everywhere_goes_where_it_covers_least() -> None:
    everywhere = QRectF(-50, -50, 300, 100)
    assert place_caption(_route((0, 0), (200, 0)), SIZE, _covers(everywhere)) == QPointF(100, 0)
    # Covered everywhere, less so below the line: the caption goes beside the middle, below (3 off the line).
    above = QRectF(-50, -50, 300, 50)
    below_edge = QRectF(-50, 0, 300, 12)
    assert place_caption(_route((0, 0), (200, 0)), SIZE, _covers(above, below_edge)) == QPointF(100, 10)


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
        # Nor across a container's border (the DNS caption used to sit on the region's left edge).
        crossed = [
            node.id
            for node in scene.architecture.nodes.values()
            if isinstance(container := scene.item_for(node.id), ContainerItem)
            and (border := container.mapRectToScene(container.rect())).intersects(rect)
            and not border.contains(rect)
        ]
        assert crossed == [], (connection_id, crossed)
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
    diagonal = QLineF(db.topLeft(), db.bottomRight())
    bounded = QLineF.IntersectionType.BoundedIntersection
    assert not any(QLineF(a, b).intersects(diagonal)[0] == bounded for a, b in pairwise(item.points()))
    rect = item.label_scene_rect()
    assert rect is not None and not rect.intersects(db)
    # Moving the database onto the caption's place does not move it (only re-routed captions move)...
    outline = scene.item_for("db").outline_scene()
    node = arch.node("db")
    arch.move_node(
        "db",
        node.x + rect.center().x() - outline.center().x(),
        node.y + rect.center().y() - outline.center().y(),
    )
    moved_db = scene.item_for("db").outline_scene()
    assert item.label_scene_rect() == rect and rect.intersects(moved_db)
    # ...re-routing the connection does.
    arch.move_node("app-b", 40, 61)
    rect = item.label_scene_rect()
    assert rect is not None and not rect.intersects(moved_db)


def test_startup_example_caption_no_longer_covers_the_internet_gateway(qapp) -> None:
    scene = ArchitectureScene(Document(load(example_path("startup-mvp"))))
    item = scene.connection_item("web-to-uploads")
    rect = item.label_scene_rect()
    assert rect is not None and item.label_text() == "read write"
    assert [name for name, outline in _outlines(scene).items() if rect.intersects(outline)] == []


def test_the_outline_index_a_batch_of_captions_uses_counts_what_walking_the_tree_counts(qapp) -> None:
    scene = ArchitectureScene(Document(load(example_path("three-tier-web"))))
    index = OutlineIndex(scene)
    bounds = scene.itemsBoundingRect()
    boxes = [
        QRectF(bounds.x() + fx * bounds.width(), bounds.y() + fy * bounds.height(), 90, 16)
        for fx in (0.0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85)
        for fy in (0.0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9)
    ]
    walked = [covered_area(scene, box) for box in boxes]
    assert sum(1 for area in walked if area > 0) >= 10  # boxes over services and headers, not only empty ones
    assert [index.covered(box) for box in boxes] == walked
