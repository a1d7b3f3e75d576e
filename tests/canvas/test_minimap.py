"""The minimap shows the whole design, frames the main view's visible area and navigates on click."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from archbuilder.canvas.minimap import MiniMap
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.editor.document import Document
from archbuilder.model import NodeKind


def test_minimap_frames_the_main_view_and_navigates(qtbot, view, scene) -> None:
    minimap = MiniMap(view)
    qtbot.addWidget(minimap)
    minimap.resize(300, 220)
    minimap.show()
    qtbot.waitExposed(minimap)
    assert minimap._frame.rect() == view.mapToScene(view.viewport().rect()).boundingRect()
    shown = minimap.mapToScene(minimap.viewport().rect()).boundingRect()
    assert shown.contains(scene.item_for("region").sceneBoundingRect())
    target = QPointF(760, 600)
    qtbot.mouseClick(minimap.viewport(), Qt.MouseButton.LeftButton, pos=minimap.mapFromScene(target))
    centre = view.mapToScene(view.viewport().rect().center())
    # The click lands on a minimap pixel, a few scene units wide at this scale.
    assert abs(centre.x() - target.x()) < 8 and abs(centre.y() - target.y()) < 8
    assert minimap._frame.rect() == view.mapToScene(view.viewport().rect()).boundingRect()


def test_minimap_snapshot_follows_the_design(qtbot, view, scene, document) -> None:
    minimap = MiniMap(view)
    qtbot.addWidget(minimap)
    before = minimap._area
    document.architecture.resize_container("region", 1600, 760)
    qtbot.waitUntil(lambda: minimap._area != before, timeout=2000)
    assert minimap._area.right() == 40 + 1600 + 0.75 + 40  # region, its width, half its pen, the margin


def test_minimap_draws_services_as_category_tiles_and_spans_lighter(qtbot, view, scene, document) -> None:
    assert document.set_extra_subnets("db", ["private-b"])
    minimap = MiniMap(view)
    qtbot.addWidget(minimap)
    minimap.refresh()
    image = minimap._picture.pixmap().toImage()
    scale = 1 / minimap._picture.scale()

    def colour_at(scene_point: QPointF) -> str:
        pixel = (scene_point - minimap._area.topLeft()) * scale
        return image.pixelColor(int(pixel.x()), int(pixel.y())).name()

    db = scene.item_for("db").sceneBoundingRect().center()
    assert colour_at(db) == scene.item_for("db").tile_brush().color().name()
    span = scene.span_items("db")[0].sceneBoundingRect().center()
    assert colour_at(span) not in {colour_at(db), "#e6f6f7"}  # a lighter tile over the private subnet
    gap = scene.item_for("private-a").mapToScene(QPointF(380, 180))  # inside the subnet, no service
    assert colour_at(gap) == "#e6f6f7"


def test_an_empty_design_shows_no_view_frame_until_something_is_drawn(qtbot) -> None:
    empty = Document()
    view = ArchitectureView(ArchitectureScene(empty))
    qtbot.addWidget(view)
    minimap = MiniMap(view)
    qtbot.addWidget(minimap)
    assert not minimap._frame.isVisible()
    empty.add_container(NodeKind.REGION, None, 0, 0)
    minimap.refresh()
    assert minimap._frame.isVisible()
