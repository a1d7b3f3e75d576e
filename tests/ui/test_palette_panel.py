"""The palette: containers first, services by category with icons, search by name and alias, drag data."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from archbuilder.canvas.interactions import CONTAINER_MIME, SERVICE_MIME
from archbuilder.canvas.scene import ArchitectureScene
from archbuilder.canvas.view import ArchitectureView
from archbuilder.editor.document import Document
from archbuilder.ui.palette_panel import PalettePanel
from tests.canvas.support import canvas_catalog, network


def _panel(qtbot) -> PalettePanel:
    panel = PalettePanel(canvas_catalog())
    qtbot.addWidget(panel)
    return panel


def test_containers_first_then_services_by_category(qtbot) -> None:
    panel = _panel(qtbot)
    assert panel.visible_payloads() == [
        "region",
        "vpc",
        "az",
        "subnet-public",
        "subnet-private",
        "ec2_instance",
        "s3_bucket",
        "rds_instance",
        "alb",
        "cloudfront_distribution",
        "sqs_queue",
    ]
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups == [
        "Regions, VPCs and subnets",
        "Compute",
        "Storage",
        "Database",
        "Networking",
        "Content delivery",
        "Application integration",
    ]
    assert not panel._service_items["rds_instance"].icon(0).isNull()
    # Every container row has an icon; the zone, which has no AWS icon, gets a dashed box in its colour.
    assert all(not item.icon(0).isNull() for item, _ in panel._container_items.values())
    zone = panel._container_items["az"][0].icon(0).pixmap(24, 24).toImage()
    assert zone.pixelColor(3, 5).name() == "#147eba"  # the left edge, in the AZ border colour
    assert zone.pixelColor(12, 12).alpha() == 0  # an outline, not a filled tile


def test_search_finds_services_by_alias_and_name(qtbot) -> None:
    panel = _panel(qtbot)
    panel.search.setText("postgres")
    assert panel.visible_payloads() == ["rds_instance"]
    panel.search.setText("load balancer")
    assert panel.visible_payloads() == ["alb"]
    panel.search.setText("subnet")
    assert panel.visible_payloads() == ["subnet-public", "subnet-private"]
    panel.search.setText("cdn")
    assert panel.visible_payloads() == ["cloudfront_distribution"]
    assert panel.tree.topLevelItem(0).isHidden()
    panel.search.setText("")
    assert len(panel.visible_payloads()) == 11


def test_drag_data_drops_onto_the_canvas(qtbot) -> None:
    panel = _panel(qtbot)
    mime = panel.mime_data_for("ec2_instance")
    assert bytes(mime.data(SERVICE_MIME).data()) == b"ec2_instance"
    assert bytes(panel.mime_data_for("subnet-private").data(CONTAINER_MIME).data()) == b"subnet-private"
    document = Document(network())
    view = ArchitectureView(ArchitectureScene(document))
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    view.centerOn(540, 420)
    point = QPointF(view.mapFromScene(QPointF(700, 640)))
    view.dropEvent(
        QDropEvent(
            point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    )
    added = [n for n in document.architecture.services() if n.parent_id == "private-b" and n.id != "app-b"]
    assert [n.type for n in added] == ["ec2_instance"]
