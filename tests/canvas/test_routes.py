"""Connections on the canvas follow orthogonal routes around services and headers; a dragged service's
connections follow quick routes until the drag ends; a selected connection's bends can be dragged, and the
route then passes through them (saved in the document, one undo step, drawn the same in the exports)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QPointF, Qt

from archbuilder.canvas.items.connection_item import ConnectionItem
from archbuilder.exporters.diagram.drawio import build_xml
from archbuilder.model import dumps, load, loads
from archbuilder.model.bends import absolute_bends
from archbuilder.resource_files import example_path
from tests.canvas.helpers import click, drag, landed
from tests.canvas.test_view import centre_of


def _orthogonal(item: ConnectionItem) -> bool:
    return all(a.x() == b.x() or a.y() == b.y() for a, b in pairwise(item.points()))


def _crosses(item: ConnectionItem, rect) -> bool:
    """Whether a segment of the route passes through the rect's interior."""
    inner = rect.adjusted(1, 1, -1, -1)
    for a, b in pairwise(item.points()):
        steps = 40
        for k in range(1, steps):
            if inner.contains(a + (b - a) * k / steps):
                return True
    return False


def test_a_route_goes_around_the_service_in_its_way(scene) -> None:
    arch = scene.architecture
    arch.connect("app-a", "app-b", "traffic", connection_id="app-a-to-app-b")  # the database lies between
    item = scene.connection_item("app-a-to-app-b")
    assert item.fully_routed and _orthogonal(item) and len(item.points()) > 2
    for service_id in ("db", "alb"):
        assert not _crosses(item, scene.item_for(service_id).outline_scene()), service_id
    for header in ("private-a", "private-b", "public-a"):
        assert not _crosses(item, scene.item_for(header).header_scene_rect()), header


def test_a_dragged_service_drags_quick_routes_then_its_routes_are_searched(
    qtbot, view, scene, document
) -> None:
    item = scene.connection_item("app-a-to-db")
    db = scene.item_for("db")
    grab = db.mapToScene(QPointF(48, 30))
    viewport = view.viewport()
    to = view.mapFromScene(grab + QPointF(60, 0))
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view.mapFromScene(grab))
    for step in range(1, 5):
        qtbot.mouseMove(viewport, view.mapFromScene(grab + QPointF(15 * step, 0)))
    assert not item.fully_routed  # a quick route while dragging
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=to)
    assert item.fully_routed and _orthogonal(item)
    assert document.undo_stack.undoText() == "Move Orders database"


def test_dragging_a_bend_routes_the_connection_through_it_and_is_saved(qtbot, view, scene, document) -> None:
    arch = scene.architecture
    arch.connect("app-a", "app-b", "traffic", connection_id="app-a-to-app-b")
    item = scene.connection_item("app-a-to-app-b")
    scene.clearSelection()
    item.setSelected(True)
    handles = item.handles()
    assert [h.pos() for h in handles] == item.bends() and handles
    handle = handles[0]
    target = handle.pos() + QPointF(0, 40)
    drag(qtbot, view, handle.pos(), target, steps=4)
    dropped = landed(view, target)
    connection = arch.connection("app-a-to-app-b")
    # The dragged corner and the segments on either side moved with it: the route passes through the point,
    # kept relative to the VPC holding both ends (its corner is at 60, 160 in the scene).
    assert absolute_bends(arch, connection)[0] == (dropped.x(), dropped.y())
    assert connection.bends[0] == (dropped.x() - 60, dropped.y() - 160)
    assert dropped in item.points() and _orthogonal(item)
    assert item.points()[2].y() == dropped.y()  # the horizontal segment came down with the corner
    assert document.undo_stack.undoText() == "Move a bend"
    saved = dumps(arch)
    assert (
        '"bends": [' in saved
        and '"waypoints"' not in saved
        and loads(saved, catalog=arch.catalog).connection("app-a-to-app-b").bends == connection.bends
    )
    # The draw.io export bends the connection at the same points.
    cell = next(
        c for c in ElementTree.fromstring(build_xml(arch)).iter("mxCell") if c.get("id") == "app-a-to-app-b"
    )
    points = [(float(p.get("x", "0")), float(p.get("y", "0"))) for p in cell.iter("mxPoint")]
    assert (dropped.x(), dropped.y()) in points
    document.undo_stack.undo()
    assert arch.connection("app-a-to-app-b").bends == ()
    assert '"bends"' not in dumps(arch)


def test_an_old_document_loads_and_saves_to_the_same_bytes() -> None:
    path = Path(str(example_path("three-tier-web")))
    assert dumps(load(path)) == path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------- bends move with what they belong to

BENDS = [(370.0, 760.0), (560.0, 760.0)]  # under both app servers, between the AZs


def _bent(scene, document) -> ConnectionItem:
    """app-a → app-b (in AZs a and b, so framed by the VPC) routed under both through two bends."""
    scene.architecture.connect("app-a", "app-b", "traffic", connection_id="app-a-to-app-b")
    assert document.set_waypoints("app-a-to-app-b", BENDS)
    return scene.connection_item("app-a-to-app-b")


def _points(item: ConnectionItem) -> list[tuple[float, float]]:
    return [(p.x(), p.y()) for p in item.points()]


def test_dragging_the_container_of_both_ends_takes_the_bends_along_and_undo_puts_them_back(
    qtbot, view, scene, document
) -> None:
    arch = scene.architecture
    item = _bent(scene, document)
    arch.connect("app-a", "assets", "read_write", connection_id="app-a-to-assets")
    assert set(BENDS) <= set(_points(item))
    stored = arch.connection("app-a-to-app-b").bends
    assert stored == ((310.0, 600.0), (500.0, 600.0))  # relative to the VPC's corner at (60, 160)
    header = scene.item_for("vpc").mapToScene(QPointF(600, 12))
    end = header + QPointF(40, 30)
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=view.mapFromScene(header))
    for step in range(1, 5):
        qtbot.mouseMove(viewport, view.mapFromScene(header + (end - header) * step / 4))
    moved = landed(view, end) - landed(view, header)
    shifted = [(x + moved.x(), y + moved.y()) for x, y in BENDS]
    assert set(shifted) <= set(_points(item))  # they follow while the VPC is dragged
    # Both ends inside the VPC: the route moves whole instead of being routed again on every frame.
    assert item.pos() == moved
    outside = scene.connection_item("app-a-to-assets")
    assert outside is not None and outside.pos().isNull()  # the assets bucket stays: routed again
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=view.mapFromScene(end))
    assert item.pos().isNull()  # searched again on release, back in scene coordinates
    vpc = arch.node("vpc")
    assert (vpc.x, vpc.y) == (20 + moved.x(), 120 + moved.y())
    assert arch.connection("app-a-to-app-b").bends == stored  # nothing to change: they are the VPC's
    assert list(absolute_bends(arch, arch.connection("app-a-to-app-b"))) == shifted
    assert set(shifted) <= set(_points(item)) and _orthogonal(item)
    assert document.undo_stack.undoText() == "Move Production VPC"
    document.undo_stack.undo()
    assert (arch.node("vpc").x, arch.node("vpc").y) == (20, 120)
    assert set(BENDS) <= set(_points(item))


def test_dragging_both_ends_takes_the_bends_along_in_the_same_undo_step(qtbot, view, scene, document) -> None:
    arch = scene.architecture
    item = _bent(scene, document)
    stored = arch.connection("app-a-to-app-b").bends
    click(qtbot, view, centre_of(scene, "app-a"))
    click(qtbot, view, centre_of(scene, "app-b"), Qt.KeyboardModifier.ShiftModifier)
    start = centre_of(scene, "app-b")
    drag(qtbot, view, start, start + QPointF(0, 50))
    assert [(arch.node(i).x, arch.node(i).y) for i in ("app-a", "app-b")] == [(40, 110), (40, 110)]
    assert arch.connection("app-a-to-app-b").bends == ((310.0, 650.0), (500.0, 650.0))
    assert {(370.0, 810.0), (560.0, 810.0)} <= set(_points(item)) and _orthogonal(item)
    assert document.undo_stack.count() == 2  # the bends, then the drag with the bends following
    document.undo_stack.undo()
    assert arch.connection("app-a-to-app-b").bends == stored
    assert set(BENDS) <= set(_points(item))


def test_dragging_one_end_moves_the_bends_near_it_and_keeps_the_route_square(
    qtbot, view, scene, document
) -> None:
    arch = scene.architecture
    item = _bent(scene, document)
    stored = arch.connection("app-a-to-app-b").bends
    start = centre_of(scene, "app-b")
    drag(qtbot, view, start, start + QPointF(0, 40))
    assert (arch.node("app-b").x, arch.node("app-b").y) == (40, 100)
    # Both bends lie on one horizontal line: it takes the share of the move of the line's middle, along the
    # route from app-a (centre 188, 602) through (370, 760) and (560, 760) to app-b (centre 648, 602).
    # Lengths 340, 190, 246: the middle of the line is at (340 + 95) / 776 of the way, app-b's share.
    share = (340 + 95) / 776
    bends = arch.connection("app-a-to-app-b").bends
    assert bends == ((310.0, 600.0 + 40 * share), (500.0, 600.0 + 40 * share))
    assert set(absolute_bends(arch, arch.connection("app-a-to-app-b"))) <= set(_points(item))
    assert _orthogonal(item)
    document.undo_stack.undo()
    assert arch.connection("app-a-to-app-b").bends == stored
    assert set(BENDS) <= set(_points(item))
