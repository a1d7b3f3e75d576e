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
from archbuilder.resource_files import example_path
from tests.canvas.helpers import drag, landed


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
    # The dragged corner and the segments on either side moved with it: the route passes through the point.
    assert connection.waypoints[0] == (dropped.x(), dropped.y())
    assert dropped in item.points() and _orthogonal(item)
    assert item.points()[2].y() == dropped.y()  # the horizontal segment came down with the corner
    assert document.undo_stack.undoText() == "Move a bend"
    saved = dumps(arch)
    assert (
        '"waypoints": [' in saved
        and loads(saved, catalog=arch.catalog).connection("app-a-to-app-b").waypoints == connection.waypoints
    )
    # The draw.io export bends the connection at the same points.
    cell = next(
        c for c in ElementTree.fromstring(build_xml(arch)).iter("mxCell") if c.get("id") == "app-a-to-app-b"
    )
    points = [(float(p.get("x", "0")), float(p.get("y", "0"))) for p in cell.iter("mxPoint")]
    assert (dropped.x(), dropped.y()) in points
    document.undo_stack.undo()
    assert arch.connection("app-a-to-app-b").waypoints == ()
    assert '"waypoints"' not in dumps(arch)


def test_an_old_document_loads_and_saves_to_the_same_bytes() -> None:
    path = Path(str(example_path("three-tier-web")))
    assert dumps(load(path)) == path.read_text(encoding="utf-8")
